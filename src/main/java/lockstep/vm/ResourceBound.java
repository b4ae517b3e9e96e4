package lockstep.vm;

/**
 * A run needed more than the model holds (see {@link Py#checkSize}): it stops with exit
 * code 4 and "resource bound exceeded: " followed by the message, never a wrong value.
 */
public final class ResourceBound extends RuntimeException {
    public ResourceBound(String message) {
        super(message, null, false, false);
    }
}
