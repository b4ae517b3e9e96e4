package lockstep.explore;

import lockstep.explore.Schedule.Decision;
import lockstep.explore.SleepSetDfs.Move;
import lockstep.vm.Machine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntToLongFunction;

/**
 * The moves of one choice point, listed once by every search ({@link #list}): one per
 * distinct move, each with its decision code (a ready index, or {@code ready + k} for the
 * cancel of the k-th cancellable task), whether it could end the loop iteration (then it is
 * dependent on every move), and whether it is alone: in a batch-blind search, no other live
 * handle is ready. Arrays, not lists: the explorer lists moves at every state it visits.
 */
final class Moves {
    /** Handles ready at the choice point. */
    final int ready;
    /** Whether the loop is stopping at the choice point: the end of this iteration stops it. */
    final boolean stopping;
    private final Move[] moves;
    private final int[] codes;
    private final boolean[] ending;
    private final boolean[] alone;
    private int size;
    /** The canonical name of each move (see {@link lockstep.vm.Canon}), once a caching search has named them. */
    long[] names;

    private Moves(int ready, boolean stopping, int capacity) {
        this.ready = ready;
        this.stopping = stopping;
        moves = new Move[capacity];
        codes = new int[capacity];
        ending = new boolean[capacity];
        alone = new boolean[capacity];
    }

    /**
     * The moves of machine {@code m} at a choice point with {@code ready} handles ready and
     * the first {@code cancellable} of {@code tasks} cancellable. In a batch-blind search
     * ({@code blind}) moves are named without their batch and none ends an iteration.
     */
    static Moves list(Machine m, int ready, int cancellable, List<Integer> tasks, boolean blind) {
        return list(m, ready, cancellable, tasks, blind, null);
    }

    /**
     * As above, given the canonical names of the ready handles ({@link lockstep.vm.Canon#handleName},
     * null: not named): handles with different names differ, so only those with equal names are
     * compared whole to find duplicates.
     */
    static Moves list(Machine m, int ready, int cancellable, List<Integer> tasks, boolean blind, long[] handleNames) {
        Moves l = new Moves(ready, m.stopping(), ready + cancellable);
        int batch = blind ? 0 : m.batchLeft();
        int droppable = 0;
        for (int i = 0; i < Math.min(batch, ready); i++) if (m.peekReady(i).handle() >= 0) droppable++;
        boolean[] isLive = new boolean[ready];
        int live = 0;
        for (int i = 0; i < ready; i++) if (isLive[i] = m.readyLive(i)) live++;
        Set<Move> seen = ready > SHORT ? new HashSet<>() : null;
        for (int i = 0; i < ready; i++) {
            Move mv = new Move(m.peekReady(i), i < batch, -1);
            if (seen != null ? !seen.add(mv) : l.indexOfEqual(mv, i, handleNames) >= 0) continue;
            l.add(mv, i, !blind && batch - (i < batch ? 1 : 0) - droppable <= 0, blind && live - (isLive[i] ? 1 : 0) == 0);
        }
        for (int k = 0; k < cancellable; k++) {
            l.add(new Move(null, false, tasks.get(k)), ready + k, !blind && batch - droppable <= 0, blind && live == 0);
        }
        return l;
    }

    /** Up to this many ready handles, duplicates are found by looking through the moves listed so far. */
    private static final int SHORT = 16;

    private void add(Move mv, int code, boolean ends, boolean isAlone) {
        moves[size] = mv;
        codes[size] = code;
        ending[size] = ends;
        alone[size] = isAlone;
        size++;
    }

    int size() { return size; }

    Move get(int i) { return moves[i]; }

    int code(int i) { return codes[i]; }

    boolean ending(int i) { return ending[i]; }

    boolean alone(int i) { return alone[i]; }

    /** Whether move {@code i} is an injected cancel. */
    boolean isCancel(int i) { return codes[i] >= ready; }

    /** The decision that takes move {@code i}. */
    Decision decision(int i) {
        return isCancel(i) ? new Decision(true, codes[i] - ready) : new Decision(false, codes[i]);
    }

    /**
     * Names the moves canonically (see {@link lockstep.vm.Canon}): a handle by
     * {@code handleName} of its ready index, the cancel of the k-th cancellable task by
     * {@code taskName} of k, apart from every handle name ({@link SleepSetDfs#CANCEL_NAMES}).
     */
    void name(IntToLongFunction handleName, IntToLongFunction taskName) {
        names = new long[size];
        for (int i = 0; i < size; i++) {
            names[i] = isCancel(i) ? SleepSetDfs.CANCEL_NAMES + taskName.applyAsLong(codes[i] - ready) : handleName.applyAsLong(codes[i]);
        }
    }

    /**
     * The index of {@code mv} among the moves, -1 if it is not one. A handle asleep since an
     * earlier choice point is most often the same callback object here (the copies of a run
     * share them), so the moves are looked through by identity first, then compared whole.
     */
    int indexOf(Move mv) {
        return mv.handle() == null ? indexOfEqual(mv) : indexOfHandle(mv.handle(), mv.inBatch());
    }

    /** The index of ready handle {@code h} in the current batch ({@code inBatch}) or the next, -1 if it is not one. */
    int indexOfHandle(Machine.Callback h, boolean inBatch) {
        for (int i = 0; i < size; i++) if (moves[i].handle() == h && moves[i].inBatch() == inBatch) return i;
        for (int i = 0; i < size; i++) if (moves[i].inBatch() == inBatch && h.equals(moves[i].handle())) return i;
        return -1;
    }

    /** The index of the move equal to {@code mv}, compared whole, -1 if none. */
    private int indexOfEqual(Move mv) {
        for (int i = 0; i < size; i++) if (moves[i].equals(mv)) return i;
        return -1;
    }

    /** As above for ready handle {@code index}'s move {@code mv}, names compared first when given (only handles are listed yet). */
    private int indexOfEqual(Move mv, int index, long[] handleNames) {
        if (handleNames == null) return indexOfEqual(mv);
        long name = handleNames[index];
        for (int i = 0; i < size; i++) if (handleNames[codes[i]] == name && moves[i].equals(mv)) return i;
        return -1;
    }
}
