package lockstep.core;

/**
 * An exception a primitive raises to its caller, named by its Python type
 * ("RuntimeError", "ValueError", ...) and carrying CPython's exact message.
 */
public final class AsyncioError extends RuntimeException {
    private final String type;

    public AsyncioError(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    public String type() { return type; }
}
