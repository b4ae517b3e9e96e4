package lockstep.vm;

import java.util.function.Supplier;

/**
 * Guards the Java recursion of repr, str and == over nested values (a list nested 100,000
 * deep is cheap to build): past {@link #MAX_DEPTH} levels it raises CPython's
 * RecursionError instead of overflowing the Java stack.
 */
final class Nesting {
    private Nesting() {}

    /** Deeper than CPython's default recursion limit, shallow enough for a default Java thread stack. */
    static final int MAX_DEPTH = 2000;

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    /** Runs {@code body} one level deeper; {@code where} ends the message, as " in comparison". */
    static <T> T enter(String where, Supplier<T> body) {
        int[] depth = DEPTH.get();
        if (depth[0] >= MAX_DEPTH) throw PyRaise.of(PyType.RECURSION_ERROR, "maximum recursion depth exceeded" + where);
        depth[0]++;
        try {
            return body.get();
        } finally {
            depth[0]--;
        }
    }
}
