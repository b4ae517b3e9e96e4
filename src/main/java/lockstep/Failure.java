package lockstep;

/**
 * The last line of defence: a Java error (memory, stack) or an unexpected exception that
 * reached a command is told in one line, without a stack trace or a Java class name.
 * {@code LOCKSTEP_DEBUG=1} in the environment also prints the stack trace (for a bug report).
 */
public final class Failure {
    private Failure() {}

    /** The one-line description (without the "lockstep: " prefix). */
    public static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) return "out of memory: the input needs more memory than the JVM has (java -Xmx)";
        if (t instanceof StackOverflowError) return "too deeply nested: the Java stack overflowed (java -Xss)";
        return "internal error: a bug in lockstep (LOCKSTEP_DEBUG=1 prints the Java stack trace)";
    }

    /** Prints the stack trace when LOCKSTEP_DEBUG is set. */
    public static void debug(Throwable t, java.io.PrintStream err) {
        if (System.getenv("LOCKSTEP_DEBUG") != null) t.printStackTrace(err);
    }
}
