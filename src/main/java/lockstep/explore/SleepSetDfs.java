package lockstep.explore;

import lockstep.explore.Schedule.Decision;
import lockstep.sched.Runner;
import lockstep.vm.Canon;
import lockstep.vm.Footprint;
import lockstep.vm.Machine;

import java.util.*;

/**
 * Depth-first search over the choice points of a run, with state caching and sleep sets
 * (Godefroid, 1996), one run at a time: the search for a goal (the oracle's stdout search
 * and trace check) and the search without state caching ({@code --no-cache}). The explorer's
 * own search with state caching is {@link StatefulSearch}, which shares this class's rules
 * (the moves, their independence, the sleep set after a move). A run is copied at each
 * choice point with moves left, and the next run resumes the copy ({@link Runner#copy}), so
 * nothing is executed twice.
 * <p>
 * A <em>move</em> at a choice point is a ready handle (named by the callback and whether
 * it belongs to the current batch of the loop iteration, so that it keeps its name after
 * other moves; a handle asleep across the end of the iteration is found again in the next
 * batch, {@link #indexOf}) or an injected cancel of a task. Two moves are independent at a state
 * when neither writes what the other reads or writes ({@link Footprint}), neither stops
 * the loop, and at most one can end the loop iteration: the iteration's end decides which
 * handles the next one contains, so it commutes only with a move that leaves the loop alone
 * ({@link #commute}; checked state by state in CommutingMovesTest). After a move, every move explored
 * before it at the same choice point, and every move asleep there, that is independent
 * of it, is asleep: running it now would only reach an interleaving already covered.
 * <p>
 * Each visited state is cached, as its fingerprint ({@link Canon}, {@link FingerprintSet}),
 * with the sleep set it was first explored with (moves named canonically); a later visit
 * with a sleep set that includes the cached one is cut, otherwise only the moves asleep
 * then but awake now are explored (and the cache keeps the intersection).
 * <p>
 * <b>Batch-blind search</b> (tried first, see {@link Explorer}).
 * Where an iteration ends matters only while a handle is ready
 * and the loop is stopping or a timer is already due ({@link Machine#batchMatters}); in
 * most programs that never happens. A batch-blind search takes the chance: it names moves
 * without their batch, lets no move end an iteration, and hashes the ready queue as one set
 * ({@link Canon#Canon(boolean)}), so that the interleavings that differ only in where
 * iterations ended meet. It checks after every step that the split still does not matter,
 * and throws {@link BatchMatters} at the first step where it does: the caller then searches
 * again with batches. A step that leaves nothing ready is still ordered against every move
 * (its footprint is not reported by {@link Recorder} and {@link Successor}): what the loop does then between two choice points — the clock moves,
 * due timers join the queue, the monitors judge the quiescent state — changes what an
 * injected cancel taken before or after it does. Whether a move leaves nothing ready depends
 * on the other handles, so a move asleep since a state where another handle was ready wakes
 * up where it is alone ({@link Moves#list}). The check cannot miss such a step: up to it, the blind search is an
 * exact search of the same program with the split left out, which visits every reachable
 * state and runs (or covers by a commuted run) every step from it.
 */
final class SleepSetDfs implements DepthFirst {

    /** A move: a ready handle ({@code cancelTask < 0}) or the injected cancel of a task. */
    record Move(Machine.Callback handle, boolean inBatch, int cancelTask) {
        /** Hashed by the callback's hash (its handle or task), not its whole content: moves are keyed at every choice point. */
        @Override public int hashCode() {
            return handle == null ? 0x5BD1E995 * cancelTask : handle.hashCode() * 2 + (inBatch ? 1 : 0);
        }

        @Override public boolean equals(Object o) {
            return o instanceof Move x && (handle == x.handle || handle != null && handle.equals(x.handle))
                    && inBatch == x.inBatch && cancelTask == x.cancelTask;
        }
    }

    /** One choice point on the current path. */
    private static final class Node {
        final Moves moves;
        /** The moves this visit explores, in order; the others are asleep or were explored by an earlier visit. */
        final List<Integer> todo = new ArrayList<>();
        final MoveSet sleep;
        final MoveSet done = new MoveSet();
        int cursor;
        Footprint currentFp;
        /** The run copied at this choice point, while moves are left to explore from it; what the recorder had then. */
        Runner snapshot;
        int foundAt;
        int cancelsUsed;

        Node(Moves moves, MoveSet sleep) {
            this.moves = moves;
            this.sleep = sleep;
        }

        int current() { return todo.get(cursor); }
    }

    static final Footprint TOUCHES_ALL = null;

    /** Thrown by a batch-blind search at the first step after which the batch split matters. */
    static final class BatchMatters extends RuntimeException {
        BatchMatters() { super(null, null, false, false); }
    }

    /**
     * The footprint of the step (or injected cancel) that just ended, null when it is ordered
     * against every move. In a batch-blind search the split must not matter after it
     * ({@link Machine#batchMatters}), and a step that leaves nothing live ready touches
     * everything (what the loop then does before the next choice point is no move's).
     */
    static Footprint endOfStep(Machine m, boolean batchBlind) {
        Footprint fp = m.takeFootprint();
        if (!batchBlind) return fp;
        if (m.batchMatters()) throw new BatchMatters();
        return m.nothingLiveReady() ? TOUCHES_ALL : fp;
    }

    private final boolean reduce;
    private final boolean cache;
    private final boolean batchBlind;
    /** What a goal-directed search looks for (null: every run counts). */
    private final Explorer.Goal goal;
    private final Runnable tick;
    private final ArrayList<Node> stack = new ArrayList<>();
    private final FingerprintSet visited = new FingerprintSet();
    /** With {@code --check-fingerprints}: the whole state behind each fingerprint, to count collisions. */
    private final Map<Long, long[]> states;
    private long collisions;
    private final Canon canon;
    private long sleepCuts;
    private long cacheCuts;

    SleepSetDfs(boolean reduce, boolean cache, boolean checkFingerprints, boolean batchBlind, Explorer.Goal goal, Runnable tick) {
        this.goal = goal;
        this.reduce = reduce;
        this.cache = cache;
        this.batchBlind = batchBlind;
        this.canon = new Canon(batchBlind);
        this.tick = tick;
        this.states = checkFingerprints ? new HashMap<>() : null;
        if (checkFingerprints) canon.keepStates();
    }

    /** Fingerprints found shared by two different states (counted only with {@code checkFingerprints}). */
    long collisions() { return collisions; }

    private long choicePoints;

    /** Distinct states visited (with caching), else choice points reached. */
    @Override public long states() { return cache ? visited.size() : choicePoints; }

    /** Bytes the visited set takes. */
    long visitedBytes() { return visited.bytes(); }

    double collisionProbability() { return visited.collisionProbability(); }

    long sleepCuts() { return sleepCuts; }

    long cacheCuts() { return cacheCuts; }

    /** Choice points on the current path that still have moves to explore. */
    @Override public long frontier() {
        long n = 0;
        for (Node node : stack) n += node.todo.size() - node.cursor - 1;
        return n;
    }

    @Override public boolean wantsFootprints() { return reduce; }

    @Override public boolean batchBlind() { return batchBlind; }

    @Override public boolean keepsOn(Machine m, Machine.Callback ran, List<Decision> taken) {
        return goal == null || goal.stepped(m, ran, taken);
    }

    @Override public void stepped(int pos, Footprint fp) {
        if (pos < stack.size()) stack.get(pos).currentFp = fp;
    }

    @Override public int decide(Machine m, int ready, int cancellable, Recorder r) {
        tick.run();
        choicePoints++;
        if (goal != null) {
            Explorer.Goal.At at = goal.choicePoint(m, ready, r.cancellableNow.subList(0, cancellable), r.taken);
            if (at == Explorer.Goal.At.REACHED) r.reachedEarly = true;
            if (at != Explorer.Goal.At.GO_ON) throw new Runner.Cut();
        }
        Node node = new Node(Moves.list(m, ready, cancellable, r.cancellableNow, batchBlind),
                stack.isEmpty() ? MoveSet.EMPTY : sleepAfter(stack.get(stack.size() - 1)));
        long[] wasAsleep = null;
        if (cache) {
            long fp = canon.fingerprint(m, r.cancelsUsed);
            if (states != null) checkCollision(fp);
            node.moves.name(canon::handleName, k -> canon.taskName(r.cancellableNow.get(k)));
            long[] sleepNames = asleepNames(node.moves, node.sleep);
            wasAsleep = visited.get(fp);
            if (wasAsleep == null) {
                visited.put(fp, sleepNames);
            } else if (containsAll(sleepNames, wasAsleep)) {
                cacheCuts++;
                throw new Runner.Cut();
            } else {
                visited.put(fp, intersection(wasAsleep, sleepNames));
            }
        }
        boolean[] asleep = new boolean[node.moves.size()];
        for (int i : indexes(node.moves, node.sleep)) if (i >= 0) asleep[i] = true;
        for (int i = 0; i < node.moves.size(); i++) {
            if (asleep[i]) continue;
            if (goal != null && !goal.offers(m, node.moves.code(i), ready, r.cancellableNow.subList(0, cancellable), r.taken)) continue;
            if (wasAsleep != null && Arrays.binarySearch(wasAsleep, node.moves.names[i]) < 0) continue;
            node.todo.add(i);
        }
        if (node.todo.isEmpty()) {
            sleepCuts++;
            throw new Runner.Cut();
        }
        if (node.todo.size() > 1) {
            node.snapshot = r.runner.copy();
            node.foundAt = r.found.size();
            node.cancelsUsed = r.cancelsUsed;
        }
        stack.add(node);
        return node.moves.code(node.current());
    }

    private void checkCollision(long fp) {
        long[] state = canon.lastState();
        long[] seen = states.putIfAbsent(fp, state);
        if (seen != null && !Arrays.equals(seen, state)) collisions++;
    }

    /** Cancel moves are named apart from handles (handle names are hashes, cancel names small numbers). */
    static final long CANCEL_NAMES = Long.MIN_VALUE + 0x5bd1e995L;

    /** The sorted canonical names of the {@code moves} (named) in {@code sleep}. */
    static long[] asleepNames(Moves moves, MoveSet sleep) { return asleepNames(moves, indexes(moves, sleep)); }

    /** As above, given where each move of the sleep set is among the moves ({@link #indexes}). */
    static long[] asleepNames(Moves moves, int[] sleepAt) {
        if (sleepAt.length == 0) return EMPTY;
        long[] out = new long[sleepAt.length];
        int n = 0;
        for (int i : sleepAt) if (i >= 0) out[n++] = moves.names[i];
        if (n < out.length) out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    /**
     * Where each move of {@code set} is among {@code moves} (-1 where it is not one): found once
     * per choice point, as moves are compared field by field when their callbacks differ.
     */
    static int[] indexes(Moves moves, MoveSet set) {
        if (set.isEmpty()) return NO_INDEXES;
        int[] at = new int[set.size()];
        for (int k = 0; k < at.length; k++) at[k] = indexOf(moves, set.move(k));
        return at;
    }

    static final int[] NO_INDEXES = new int[0];

    /**
     * Where move {@code mv}, put to sleep at an earlier choice point, is among {@code moves}
     * (-1: not one). A handle queued during an iteration is in the batch of the next one: a
     * move asleep across the end of an iteration (one that commutes with the end,
     * {@link #endCommutes}) is the same handle, now in the batch.
     */
    static int indexOf(Moves moves, Move mv) {
        int i = moves.indexOf(mv);
        if (i >= 0 || mv.inBatch() || mv.handle() == null) return i;
        return moves.indexOfHandle(mv.handle(), true);
    }

    static final long[] EMPTY = new long[0];

    /** Whether sorted {@code a} contains every element of sorted {@code b}. */
    static boolean containsAll(long[] a, long[] b) {
        for (long x : b) if (Arrays.binarySearch(a, x) < 0) return false;
        return true;
    }

    static long[] intersection(long[] a, long[] b) {
        long[] out = new long[Math.min(a.length, b.length)];
        int n = 0;
        for (long x : a) if (Arrays.binarySearch(b, x) >= 0) out[n++] = x;
        return Arrays.copyOf(out, n);
    }

    /**
     * Whether a step is ordered against every move: its footprint is unknown
     * ({@link #TOUCHES_ALL}), it stops the loop, or it could end the loop iteration.
     */
    static boolean touchesAll(Footprint fp, boolean ending) {
        return fp == TOUCHES_ALL || ending || fp.stopsLoop();
    }

    /** Whether two steps commute: neither touches everything and neither writes what the other touches. */
    static boolean independent(Footprint a, boolean aEnding, Footprint b, boolean bEnding) {
        return !touchesAll(a, aEnding) && !touchesAll(b, bEnding) && !a.conflicts(b);
    }

    /** The sleep set after the node's current move: moves asleep or done here that are independent of it. */
    private MoveSet sleepAfter(Node node) {
        if (!reduce) return MoveSet.EMPTY;
        return sleepAfter(node.moves, node.sleep, node.done, node.current(), node.currentFp);
    }

    /**
     * The sleep set after move {@code current} (footprint {@code fp}) of a choice point whose
     * moves are {@code moves}: the moves asleep or done there that are independent of it.
     * Every search puts moves to sleep by this rule.
     */
    static MoveSet sleepAfter(Moves moves, MoveSet sleep, MoveSet done, int current, Footprint fp) {
        return sleepAfter(moves, sleep, done, current, fp, true);
    }

    /**
     * As above; with {@code here} false, by the rule of {@link #independent} (which DPOR also
     * orders its events by, so that its sleep sets and races agree) instead of {@link #commute}.
     */
    static MoveSet sleepAfter(Moves moves, MoveSet sleep, MoveSet done, int current, Footprint fp, boolean here) {
        return sleepAfter(moves, sleep, indexes(moves, sleep), done, indexes(moves, done), current, fp, here);
    }

    /**
     * As above, given where the moves asleep ({@code sleepAt}) and done ({@code doneAt}) are
     * among the moves ({@link #indexes}).
     */
    static MoveSet sleepAfter(Moves moves, MoveSet sleep, int[] sleepAt, MoveSet done, int[] doneAt, int current, Footprint fp,
                              boolean here) {
        if (sleep.isEmpty() && done.isEmpty()) return MoveSet.EMPTY;
        MoveSet next = new MoveSet();
        addIndependent(moves, sleep, sleepAt, true, current, fp, here, next);
        addIndependent(moves, done, doneAt, false, current, fp, here, next);
        return next.isEmpty() ? MoveSet.EMPTY : next;
    }

    /**
     * Adds the moves of {@code from} that commute with move {@code current} here. A move asleep
     * (its footprint recorded at an earlier choice point, where another handle was still
     * ready) that is alone here touches everything: run now, it would leave nothing ready
     * ({@link #endOfStep}). A move done here had its footprint recorded here.
     */
    private static void addIndependent(Moves moves, MoveSet from, int[] at, boolean asleep, int current, Footprint fp, boolean here,
                                       MoveSet into) {
        for (int k = 0; k < from.size(); k++) {
            int i = at[k];
            if (i < 0 || asleep && moves.alone(i)) continue;
            boolean swap = here ? commute(moves, i, from.footprint(k), current, fp)
                    : independent(from.footprint(k), moves.ending(i), fp, moves.ending(current));
            if (swap) into.put(from.move(k), from.footprint(k));
        }
    }

    /**
     * Whether moves {@code a} and {@code b} of a choice point (footprints {@code fa},
     * {@code fb}) commute there: neither touches everything, neither writes what the other
     * touches, and at most one could end the loop iteration, which then commutes with the
     * other only as {@link #endCommutes} says. A request to stop the loop only takes effect
     * at the end of the iteration, so it is ordered against that alone (and against another
     * request: both write {@link Footprint#STOP}).
     */
    static boolean commute(Moves moves, int a, Footprint fa, int b, Footprint fb) {
        if (fa == TOUCHES_ALL || fb == TOUCHES_ALL || fa.conflicts(fb)) return false;
        boolean ea = moves.ending(a), eb = moves.ending(b);
        if (ea == eb) return !ea;
        return ea ? endCommutes(moves, a, fa, b, fb) : endCommutes(moves, b, fb, a, fa);
    }

    /**
     * Whether move {@code x}, which could end the loop iteration, commutes with move {@code y},
     * which cannot (their footprints do not conflict). The end of an iteration starts the next
     * batch with every handle ready then, moves the clock if none is, and takes in the timers
     * due; when the loop is stopping it stops it. So x and y commute unless the loop is
     * stopping or x stops it, y queues a handle, changes the timers, cancels a handle or
     * stops the loop, x cancels a handle
     * (either could then make the iteration end elsewhere or the queue empty), or the queue
     * would be empty at the end in one order only: y is a handle, and no other handle is ready
     * or queued by x. Then both orders reach one state: the same handles ready, y having run
     * before the end in one order and in the next batch in the other.
     */
    private static boolean endCommutes(Moves moves, int x, Footprint fx, int y, Footprint fy) {
        if (moves.stopping || fx.stopsLoop() || !fy.leavesLoopAlone() || fx.cancelsHandle()) return false;
        int othersReady = moves.ready - (moves.isCancel(x) ? 0 : 1) - (moves.isCancel(y) ? 0 : 1);
        return othersReady > 0 || fx.queues();
    }

    /**
     * After run {@code r}: the next run, which resumes a copy of the run at the deepest choice
     * point with a move left and takes that move; null when the search is done.
     */
    @Override public Recorder backtrack(Recorder r) {
        while (!stack.isEmpty()) {
            Node node = stack.get(stack.size() - 1);
            node.done.put(node.moves.get(node.current()), node.currentFp);
            node.currentFp = TOUCHES_ALL;
            if (node.cursor + 1 < node.todo.size()) {
                node.cursor++;
                List<Decision> prefix = new ArrayList<>(stack.size());
                for (Node n : stack) prefix.add(n.moves.decision(n.current()));
                boolean last = node.cursor + 1 == node.todo.size();
                Runner resumed = last ? node.snapshot : node.snapshot.copy();
                if (last) node.snapshot = null;
                return new Recorder(prefix, this, r.maxCancels, r, resumed, stack.size() - 1, node.foundAt, node.cancelsUsed);
            }
            stack.remove(stack.size() - 1);
        }
        return null;
    }
}
