package lockstep.explore;

import lockstep.explore.Schedule.Decision;
import lockstep.explore.SleepSetDfs.Move;
import lockstep.sched.Runner;
import lockstep.vm.Footprint;
import lockstep.vm.Machine;

import java.util.*;

/**
 * The exhaustive strategy's first try: source-DPOR with sleep sets (Abdulla, Aronis,
 * Jonsson, Sagonas, "Optimal dynamic partial order reduction", POPL 2014, Algorithm 1),
 * which explores at least one run of every Mazurkiewicz trace, and far fewer runs than a
 * search that only puts moves to sleep: four tasks that share nothing are one trace.
 * <p>
 * It is stateless (no visited set: DPOR and state caching do not combine soundly without
 * summaries of the subtrees, Yang et al., SPIN 2008), but it does not execute anything
 * twice: every choice point of the current path with two moves or more keeps a copy of
 * the run ({@link Runner#copy}), and a new run resumes a copy of it.
 * <p>
 * <b>Events.</b> Each step of the run is an event. A ready handle is a one-shot thread whose
 * only event is running it; an injected cancel of a task is a move as in {@link SleepSetDfs}.
 * The step that queued a handle (the one after which it first appears in the ready queue)
 * happens before it, as the step after which a task first appears as cancellable happens
 * before a cancel of it. Two events are dependent unless {@link SleepSetDfs#independent}
 * (footprints, the loop's stop, the end of a loop iteration, and in a batch-blind search a
 * step that leaves nothing live ready: what the loop then does is no step's). Happens-before
 * is the transitive closure of both orders, kept as a bit set of earlier events per event.
 * <p>
 * <b>Races.</b> After each run, for each new event e' and each earlier event e with which
 * it races (dependent, not its creator, and not ordered through a third event), the search
 * adds to the backtrack set of the choice point before e an initial of notdep(e).e' (the
 * events after e that do not happen after it, then e'), unless one of them is already in its
 * backtrack set or asleep there. Sleep sets are those of {@link SleepSetDfs}; a run whose
 * every move is asleep is cut.
 */
final class SourceDpor implements DepthFirst {

    /** One choice point of the current path, and the event taken there. */
    private static final class Node {
        final Moves moves;
        /** Moves asleep here on arrival, with their footprints. */
        final MoveSet sleep;
        /** Moves (by index) to explore here; grows as races are found. */
        final BitSet backtrack = new BitSet();
        /** Moves explored here, with their footprints (asleep for the later moves' subtrees when independent). */
        final MoveSet done = new MoveSet();
        final BitSet explored = new BitSet();
        int current;
        /** The event taken here: its footprint, the event that queued it (-1: none), the events before it. */
        Footprint fp = SleepSetDfs.TOUCHES_ALL;
        int creator;
        long[] before;
        /** The run copied here while another move may be explored from it; what the recorder had then. */
        Runner snapshot;
        int foundAt;
        int cancelsUsed;
        /** Handles and tasks first seen here (queued or created by the event before). */
        final List<Machine.Callback> queuedHere = new ArrayList<>();
        final List<Integer> createdHere = new ArrayList<>();

        Node(Moves moves, MoveSet sleep) {
            this.moves = moves;
            this.sleep = sleep;
        }

        Move move() { return moves.get(current); }

        boolean asleep(int i) { return sleep.contains(moves.get(i)); }

        /** The next move to explore here: in the backtrack set, not explored, not asleep; -1 if none. */
        int next() {
            for (int i = backtrack.nextSetBit(0); i >= 0; i = backtrack.nextSetBit(i + 1)) {
                if (!explored.get(i) && !asleep(i)) return i;
            }
            return -1;
        }
    }

    private final boolean batchBlind;
    private final Runnable tick;
    private final ArrayList<Node> stack = new ArrayList<>();
    /** The step (position on the path) after which each handle of the path was first ready. */
    private final IdentityHashMap<Machine.Callback, Integer> queuedBy = new IdentityHashMap<>();
    /** The step after which each task of the path was first cancellable. */
    private final Map<Integer, Integer> createdBy = new HashMap<>();
    /** The first position of the current run whose event is new (its races are not yet found). */
    private int fresh;
    private long choicePoints;
    /** Whether the last run was cut because every move was asleep (else it ended, and its last step disabled every cancel). */
    private boolean blocked;

    SourceDpor(boolean batchBlind, Runnable tick) {
        this.batchBlind = batchBlind;
        this.tick = tick;
    }

    /** Choice points reached. */
    @Override public long states() { return choicePoints; }

    @Override public long frontier() {
        long n = 0;
        for (Node node : stack) {
            for (int i = node.backtrack.nextSetBit(0); i >= 0; i = node.backtrack.nextSetBit(i + 1)) {
                if (i != node.current && !node.explored.get(i) && !node.asleep(i)) n++;
            }
        }
        return n;
    }

    @Override public boolean wantsFootprints() { return true; }

    @Override public boolean batchBlind() { return batchBlind; }

    @Override public void stepped(int pos, Footprint fp) {
        if (pos < stack.size()) stack.get(pos).fp = fp;
    }

    @Override public int decide(Machine m, int ready, int cancellable, Recorder r) {
        tick.run();
        choicePoints++;
        if (!stack.isEmpty()) disabled(stack.get(stack.size() - 1), r.cancellableNow.subList(0, cancellable));
        Node node = new Node(Moves.list(m, ready, cancellable, r.cancellableNow, batchBlind),
                stack.isEmpty() ? MoveSet.EMPTY : sleepAfter(stack.get(stack.size() - 1)));
        int first = -1, awake = 0;
        for (int i = 0; i < node.moves.size(); i++) {
            if (node.asleep(i)) continue;
            if (first < 0) first = i;
            awake++;
        }
        if (first < 0) {
            blocked = true;
            throw new Runner.Cut();
        }
        int pos = stack.size();
        for (int i = 0; i < ready; i++) {
            Machine.Callback cb = m.peekReady(i);
            if (queuedBy.putIfAbsent(cb, pos - 1) == null) node.queuedHere.add(cb);
        }
        for (int k = 0; k < cancellable; k++) {
            int task = r.cancellableNow.get(k);
            if (createdBy.putIfAbsent(task, pos - 1) == null) node.createdHere.add(task);
        }
        node.backtrack.set(first);
        take(node, first);
        if (awake > 1) {
            node.snapshot = r.runner.copy();
            node.foundAt = r.found.size();
            node.cancelsUsed = r.cancelsUsed;
        }
        stack.add(node);
        return node.moves.code(first);
    }

    /** Takes move {@code i} at the node: its event's footprint is still unknown. */
    private void take(Node node, int i) {
        node.current = i;
        node.fp = SleepSetDfs.TOUCHES_ALL;
        Move mv = node.moves.get(i);
        Integer c = mv.cancelTask() >= 0 ? createdBy.get(mv.cancelTask()) : queuedBy.get(mv.handle());
        node.creator = c == null ? -1 : c;
        node.before = null;
    }

    /** The sleep set after the node's current move: moves asleep or done here that are independent of it. */
    private static MoveSet sleepAfter(Node node) {
        return SleepSetDfs.sleepAfter(node.moves, node.sleep, node.done, node.current, node.fp, false);
    }

    // ------------------------------------------------------------------ races

    /**
     * The node's event disabled the injected cancels of the tasks not in {@code still} (the
     * task ended, the budget of cancels is spent, the run ended): a cancel never taken is in no
     * race, so each is explored before the step that disabled it (from there on, its races
     * with the steps it conflicts with move it further back).
     */
    private static void disabled(Node node, List<Integer> still) {
        for (int i = 0; i < node.moves.size(); i++) {
            int task = node.moves.get(i).cancelTask();
            if (task >= 0 && !still.contains(task)) node.backtrack.set(i);
        }
    }

    /** Finds the races of every event of the current path not yet looked at, in order. */
    private void findRaces() {
        for (int j = fresh; j < stack.size(); j++) orderBefore(j);
        fresh = stack.size();
    }

    /**
     * Computes the events that happen before event {@code j}, latest first: its creator and
     * what happens before that; then each earlier event not yet known to happen before it that
     * is dependent with it, which races with it (nothing orders the two but their conflict).
     */
    private void orderBefore(int j) {
        Node nj = stack.get(j);
        long[] before = new long[words(j)];
        if (nj.creator >= 0) addBefore(before, nj.creator);
        for (int i = j - 1; i >= 0; i--) {
            if (has(before, i)) continue;
            Node ni = stack.get(i);
            if (SleepSetDfs.independent(ni.fp, ni.moves.ending(ni.current), nj.fp, nj.moves.ending(nj.current))) continue;
            reverse(i, j, before);
            addBefore(before, i);
        }
        nj.before = before;
    }

    private void addBefore(long[] before, int i) {
        long[] b = stack.get(i).before;
        for (int w = 0; w < b.length; w++) before[w] |= b[w];
        before[i >>> 6] |= 1L << i;
    }

    /**
     * Race {@code i} ⋖ {@code j}: at the choice point before event i, some initial of
     * notdep(i).j — an event of that sequence with no event of it happening before it — must be
     * explored, unless one is already to be explored there or is asleep there.
     * {@code beforeJ} holds the events after i that happen before j. An initial is always a
     * move there (what queued it came before i); should none be, every move is explored.
     */
    private void reverse(int i, int j, long[] beforeJ) {
        long[] v = new long[words(j + 1)];
        List<Move> initials = new ArrayList<>();
        for (int k = i + 1; k <= j; k++) {
            long[] bk = k == j ? beforeJ : stack.get(k).before;
            if (k < j && has(bk, i)) continue;
            if (!intersects(bk, v)) initials.add(stack.get(k).move());
            v[k >>> 6] |= 1L << k;
        }
        Node at = stack.get(i);
        int pick = -1;
        for (Move mv : initials) {
            int x = find(at, mv);
            if (x < 0) continue;
            if (at.backtrack.get(x) || at.asleep(x)) return;
            if (pick < 0) pick = x;
        }
        if (pick >= 0) at.backtrack.set(pick);
        else at.backtrack.set(0, at.moves.size());
    }

    /** The index of {@code mv} among the node's moves (its batch aside if need be), -1 if it is not one. */
    private static int find(Node at, Move mv) {
        int i = at.moves.indexOf(mv);
        if (i >= 0) return i;
        for (int x = 0; x < at.moves.size(); x++) {
            Move o = at.moves.get(x);
            if (o.cancelTask() == mv.cancelTask() && Objects.equals(o.handle(), mv.handle())) return x;
        }
        return -1;
    }

    private static int words(int n) { return (n + 63) >>> 6; }

    private static boolean has(long[] bits, int i) { return (i >>> 6) < bits.length && (bits[i >>> 6] & (1L << i)) != 0; }

    private static boolean intersects(long[] a, long[] b) {
        for (int w = 0; w < Math.min(a.length, b.length); w++) if ((a[w] & b[w]) != 0) return true;
        return false;
    }

    // ------------------------------------------------------------------ backtracking

    @Override public Recorder backtrack(Recorder r) {
        if (!blocked && !stack.isEmpty()) disabled(stack.get(stack.size() - 1), List.of());
        blocked = false;
        findRaces();
        while (!stack.isEmpty()) {
            Node node = stack.get(stack.size() - 1);
            node.explored.set(node.current);
            node.done.put(node.move(), node.fp);
            int next = node.next();
            if (next >= 0) {
                take(node, next);
                fresh = stack.size() - 1;
                List<Decision> prefix = new ArrayList<>(stack.size());
                for (Node n : stack) prefix.add(n.moves.decision(n.current));
                return new Recorder(prefix, this, r.maxCancels, r, node.snapshot.copy(), stack.size() - 1, node.foundAt,
                        node.cancelsUsed);
            }
            pop();
        }
        return null;
    }

    private void pop() {
        Node node = stack.remove(stack.size() - 1);
        for (Machine.Callback cb : node.queuedHere) queuedBy.remove(cb);
        for (int t : node.createdHere) createdBy.remove(t);
        fresh = Math.min(fresh, stack.size());
    }
}
