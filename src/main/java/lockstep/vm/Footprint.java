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
 * iteration dependent on a step: one that queues a handle, changes the timers, cancels a
 * handle or stops the loop ({@link #leavesLoopAlone}, {@code lockstep.explore.SleepSetDfs#commute}).
 * Two changes of one object that commute are recorded as such, not as writes ({@link #addedOne},
 * {@link #removed}, {@link #joined}).
 */
public final class Footprint {
    public static final long OUTPUT = -1, TIMERS = -2, TASKS = -3, CANCELS = -4, STOP = -5;

    private long[] reads = new long[4];
    /** Whether the step queued a handle (call_soon) or cancelled one: see {@link #queued}, {@link #cancelledHandle}. */
    private boolean queues, cancelsHandle;
    private long[] writes = new long[4];
    private int nr, nw;
    /**
     * One bit per location read or written ({@link #bit}): a location whose bit is not set is
     * not there, so most locations are added without looking through the list, and most pairs
     * of steps are found independent without comparing their lists.
     */
    private long readBits, writeBits;
    /**
     * Changes to objects that commute with some changes of the same object by another step,
     * four longs each: kind, object id, and two operands ({@link #addedOne}, {@link #removed},
     * {@link #joined}; {@link #commute}).
     */
    private long[] ops = NO_OPS;
    private int nops;
    private static final long[] NO_OPS = new long[0];
    private static final long ADD_ONE = 1, REMOVE = 2, JOIN = 3;

    /** A global variable: slot of the module whose globals object is {@code globals}. */
    static long global(int globals, int slot) { return (1L << 40) | ((long) globals << 20) | slot; }

    public void read(long loc) {
        if (holds(reads, nr, readBits, loc)) return;
        readBits |= bit(loc);
        if (nr == reads.length) reads = Arrays.copyOf(reads, nr * 2);
        reads[nr++] = loc;
    }

    public void write(long loc) {
        if (holds(writes, nw, writeBits, loc)) return;
        writeBits |= bit(loc);
        if (nw == writes.length) writes = Arrays.copyOf(writes, nw * 2);
        writes[nw++] = loc;
    }

    /**
     * The step appended a handle to the ready queue. Not a location (see above), but it
     * decides which batch the handle joins when the step is swapped with the end of an iteration.
     */
    public void queued() { queues = true; }

    /** The step cancelled a handle (which the loop then drops, perhaps ending the iteration early). */
    public void cancelledHandle() { cancelsHandle = true; }

    /** Whether the step cancelled a handle. */
    public boolean cancelsHandle() { return cancelsHandle; }

    /** Whether the step appended a handle to the ready queue. */
    public boolean queues() { return queues; }

    /**
     * Whether the step can be swapped with the end of a loop iteration (the other step of
     * the pair): it neither queues a handle (which would join the next batch or not),
     * nor changes the timers (a timer due at once would join it or not), nor cancels a
     * handle (which could empty the queue and so move the clock), nor stops the loop.
     */
    public boolean leavesLoopAlone() {
        return !queues && !cancelsHandle && !holds(writes, nw, writeBits, TIMERS) && !holds(writes, nw, writeBits, STOP);
    }

    /** Whether the step asked the loop to stop (run_until_complete's done-callback): it stops at the end of the iteration. */
    public boolean stopsLoop() { return holds(writes, nw, writeBits, STOP); }

    /**
     * The step added one to counter {@code id} (gather's count of children done), from
     * {@code from}, and the count stays below {@code limit}, where the step would have acted on
     * it. Two such steps from one state commute while both stay below the limit in either
     * order ({@code from + 2 < limit}): a count both only add to is not a location they
     * conflict on. Any other read or write of the object conflicts with it.
     */
    public void addedOne(long id, long from, long limit) { op(ADD_ONE, id, from, limit); }

    /**
     * The step removed {@code element} from the waiters of primitive {@code id} (a waiter
     * leaving the queue of a Lock, an Event, a Condition or a Semaphore). Two steps that remove
     * different elements commute; any other read or write of the object, by either step,
     * conflicts with it.
     */
    public void removed(long id, long element) { op(REMOVE, id, element, 0); }

    /**
     * The step saw Event {@code id}'s flag down and added a new future to its waiters
     * (Event.wait). The waiters of an Event are a set (set() wakes them all; see
     * {@link Canon}), so two such steps commute, as does one with a step that removes a waiter
     * (never the new one); any other read or write of the object (set(), clear(), a look at a
     * flag that is up) conflicts with it.
     */
    public void joined(long id) { op(JOIN, id, 0, 0); }

    private void op(long kind, long id, long a, long b) {
        if (nops == ops.length) ops = Arrays.copyOf(ops, Math.max(8, nops * 2));
        ops[nops++] = kind;
        ops[nops++] = id;
        ops[nops++] = a;
        ops[nops++] = b;
    }

    /** True when the two steps may not be swapped: one writes what the other touches. */
    public boolean conflicts(Footprint o) {
        if ((writeBits & (o.writeBits | o.readBits) | readBits & o.writeBits) != 0
                && (overlap(writes, nw, o.writes, o.nw) || overlap(writes, nw, o.reads, o.nr) || overlap(reads, nr, o.writes, o.nw))) return true;
        return (nops > 0 || o.nops > 0) && opsConflict(o);
    }

    private boolean opsConflict(Footprint o) {
        for (int i = 0; i < nops; i += 4) {
            if (o.touches(ops[i + 1])) return true;
            for (int j = 0; j < o.nops; j += 4) {
                if (o.ops[j + 1] == ops[i + 1] && !commute(ops, i, o.ops, j)) return true;
            }
        }
        for (int j = 0; j < o.nops; j += 4) if (touches(o.ops[j + 1])) return true;
        return false;
    }

    /** Whether two changes to one object commute (see {@link #addedOne}, {@link #removed}, {@link #joined}). */
    private static boolean commute(long[] x, int i, long[] y, int j) {
        if (x[i] == JOIN || y[j] == JOIN) return x[i] != ADD_ONE && y[j] != ADD_ONE;
        if (x[i] != y[j]) return false;
        if (x[i] == ADD_ONE) return x[i + 2] == y[j + 2] && x[i + 2] + 2 < x[i + 3];
        return x[i + 2] != y[j + 2];
    }

    /** Whether the step read or wrote location {@code loc} (changes that commute aside). */
    private boolean touches(long loc) {
        if (((readBits | writeBits) & bit(loc)) == 0) return false;
        for (int i = 0; i < nr; i++) if (reads[i] == loc) return true;
        for (int i = 0; i < nw; i++) if (writes[i] == loc) return true;
        return false;
    }

    /** The bit of location {@code loc} in {@link #readBits} and {@link #writeBits}: six bits of a multiplicative hash. */
    /** Whether {@code loc} is among the first {@code n} of {@code locs}, whose bits are {@code bits}: most are not, by their bit alone. */
    private static boolean holds(long[] locs, int n, long bits, long loc) {
        if ((bits & bit(loc)) == 0) return false;
        for (int i = 0; i < n; i++) if (locs[i] == loc) return true;
        return false;
    }

    private static long bit(long loc) { return 1L << (int) (loc * 0x9E3779B97F4A7C15L >>> 58); }

    private static boolean overlap(long[] a, int na, long[] b, int nb) {
        for (int i = 0; i < na; i++) {
            long x = a[i];
            for (int j = 0; j < nb; j++) if (b[j] == x) return true;
        }
        return false;
    }

    @Override public String toString() {
        return "reads " + Arrays.toString(Arrays.copyOf(reads, nr)) + " writes " + Arrays.toString(Arrays.copyOf(writes, nw))
                + (nops > 0 ? " changes (kind, id, operands) " + Arrays.toString(Arrays.copyOf(ops, nops)) : "");
    }
}
