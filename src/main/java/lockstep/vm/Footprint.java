package lockstep.vm;

import java.util.Arrays;

/**
 * What one step read and wrote, for partial-order reduction: two steps are independent
 * when neither writes a location the other reads or writes. Locations are heap objects
 * (by id), single global variables, and a few parts of the loop: the output, the timer
 * heap (the order of equal deadlines depends on insertion order), the task list and
 * counter (task names), and the budget of injected cancellations.
 * <p>
 * Appending to the ready queue is not a location: the explorer may run any ready
 * handle, so the order in which two steps queue theirs changes only the indices that
 * name them, not what can happen (the state fingerprint treats each part of the queue as
 * a set, see {@link Canon}). Which part a handle is in is what can make the end of a loop
 * iteration dependent on every step ({@code lockstep.explore.SleepSetDfs}).
 */
public final class Footprint {
    public static final long OUTPUT = -1, TIMERS = -2, TASKS = -3, CANCELS = -4, STOP = -5;

    private long[] reads = new long[8];
    private long[] writes = new long[8];
    private int nr, nw;

    /** A global variable: slot of the module whose globals object is {@code globals}. */
    static long global(int globals, int slot) { return (1L << 40) | ((long) globals << 20) | slot; }

    public void read(long loc) {
        for (int i = 0; i < nr; i++) if (reads[i] == loc) return;
        if (nr == reads.length) reads = Arrays.copyOf(reads, nr * 2);
        reads[nr++] = loc;
    }

    public void write(long loc) {
        for (int i = 0; i < nw; i++) if (writes[i] == loc) return;
        if (nw == writes.length) writes = Arrays.copyOf(writes, nw * 2);
        writes[nw++] = loc;
    }

    /** Whether the step stopped the loop (run_until_complete's done-callback): ordered against every step. */
    public boolean stopsLoop() {
        for (int i = 0; i < nw; i++) if (writes[i] == STOP) return true;
        return false;
    }

    /** True when the two steps may not be swapped: one writes what the other touches. */
    public boolean conflicts(Footprint o) {
        return overlap(writes, nw, o.writes, o.nw) || overlap(writes, nw, o.reads, o.nr) || overlap(reads, nr, o.writes, o.nw);
    }

    private static boolean overlap(long[] a, int na, long[] b, int nb) {
        for (int i = 0; i < na; i++) {
            long x = a[i];
            for (int j = 0; j < nb; j++) if (b[j] == x) return true;
        }
        return false;
    }

    @Override public String toString() {
        return "reads " + Arrays.toString(Arrays.copyOf(reads, nr)) + " writes " + Arrays.toString(Arrays.copyOf(writes, nw));
    }
}
