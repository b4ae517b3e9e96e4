package lockstep.vm;

/**
 * Guards the Java recursion of repr and of comparisons over nested values (a list nested
 * 100,000 deep is cheap to build): past {@link #MAX_DEPTH} levels they raise CPython's
 * RecursionError instead of overflowing the Java stack. Each use is
 * {@code Nesting.enter(...); try { ... } finally { Nesting.exit(); }}, which keeps the
 * Java frames per level few.
 */
final class Nesting {
    private Nesting() {}

    /**
     * Half CPython's default recursion limit: a default Java thread stack of 1 MB overflows
     * somewhere past 1,000 levels of these methods once the JIT has compiled them, and the
     * limit must come first for the answer to be the same on every run. (CPython itself
     * goes deeper: it is bounded by its C stack, a few thousand levels.)
     */
    static final int MAX_DEPTH = 500;

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    /** One level deeper; {@code where} ends the message, as " in comparison". */
    static void enter(String where) {
        int[] depth = DEPTH.get();
        if (depth[0] >= MAX_DEPTH) throw PyRaise.of(PyType.RECURSION_ERROR, "maximum recursion depth exceeded" + where);
        depth[0]++;
    }

    /** Back one level, after {@link #enter} (in a finally block). */
    static void exit() {
        DEPTH.get()[0]--;
    }
}
