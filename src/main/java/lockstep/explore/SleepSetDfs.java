package lockstep.explore;

import lockstep.explore.Schedule.Decision;
import lockstep.sched.Runner;
import lockstep.vm.Footprint;
import lockstep.vm.Machine;

import java.util.*;

/**
 * The exhaustive strategy: depth-first search over the choice points of a run, by
 * re-execution, with state caching and sleep sets (Godefroid, 1996).
 * <p>
 * A <em>move</em> at a choice point is a ready handle (named by the callback and whether
 * it belongs to the current batch of the loop iteration, so that it keeps its name after
 * other moves) or an injected cancel of a task. Two moves are independent at a state
 * when neither writes what the other reads or writes ({@link Footprint}) and neither can
 * end the loop iteration (the iteration's end decides which handles the next one
 * contains, so it is ordered against everything). After a move, every move explored
 * before it at the same choice point, and every move asleep there, that is independent
 * of it, is asleep: running it now would only reach an interleaving already covered.
 * <p>
 * Each visited state is cached with the sleep set it was first explored with; a later
 * visit with a sleep set that includes the cached one is cut, otherwise only the moves
 * asleep then but awake now are explored (and the cache keeps the intersection).
 */
final class SleepSetDfs implements Recorder.Policy {

    /** A move: a ready handle ({@code cancelTask < 0}) or the injected cancel of a task. */
    record Move(Machine.Callback handle, boolean inBatch, int cancelTask) {}

    /** One choice point on the current path. */
    private static final class Node {
        final List<Move> moves = new ArrayList<>();
        final List<Integer> codes = new ArrayList<>();
        /** Whether the move could end the loop iteration (then it is dependent on every move). */
        final List<Boolean> ending = new ArrayList<>();
        /** The moves this visit explores, in order; the others are asleep or were explored by an earlier visit. */
        final List<Integer> todo = new ArrayList<>();
        final Map<Move, Footprint> sleep;
        final Map<Move, Footprint> done = new LinkedHashMap<>();
        int ready;
        int cursor;
        Footprint currentFp;

        Node(Map<Move, Footprint> sleep) { this.sleep = sleep; }

        int current() { return todo.get(cursor); }
    }

    private static final Footprint TOUCHES_ALL = null;

    private final boolean reduce;
    private final boolean cache;
    private final Runnable tick;
    private final ArrayList<Node> stack = new ArrayList<>();
    private final Map<Machine.StateKey, Set<Move>> visited = new HashMap<>();
    private long sleepCuts;
    private long cacheCuts;

    SleepSetDfs(boolean reduce, boolean cache, Runnable tick) {
        this.reduce = reduce;
        this.cache = cache;
        this.tick = tick;
    }

    private long choicePoints;

    /** Distinct states visited (with caching), else choice points reached. */
    long states() { return cache ? visited.size() : choicePoints; }

    long sleepCuts() { return sleepCuts; }

    long cacheCuts() { return cacheCuts; }

    /** Choice points on the current path that still have moves to explore. */
    long frontier() {
        long n = 0;
        for (Node node : stack) n += node.todo.size() - node.cursor - 1;
        return n;
    }

    @Override public boolean wantsFootprints() { return reduce; }

    @Override public void stepped(int pos, Footprint fp) {
        if (pos < stack.size()) stack.get(pos).currentFp = fp;
    }

    @Override public int decide(Machine m, int ready, int cancellable, Recorder r) {
        tick.run();
        choicePoints++;
        Node node = new Node(stack.isEmpty() ? Map.of() : sleepAfter(stack.get(stack.size() - 1)));
        listMoves(node, m, ready, cancellable, r.cancellableNow);
        Set<Move> asleep = node.sleep.keySet();
        Set<Move> wasAsleep = null;
        if (cache) {
            Machine.StateKey key = m.stateKey(r.cancelsUsed);
            wasAsleep = visited.get(key);
            if (wasAsleep == null) {
                visited.put(key, asleep.isEmpty() ? Set.of() : Set.copyOf(asleep));
            } else if (asleep.containsAll(wasAsleep)) {
                cacheCuts++;
                throw new Runner.Cut();
            } else {
                Set<Move> both = new HashSet<>(wasAsleep);
                both.retainAll(asleep);
                visited.put(key, Set.copyOf(both));
            }
        }
        for (int i = 0; i < node.moves.size(); i++) {
            Move mv = node.moves.get(i);
            if (asleep.contains(mv)) continue;
            if (wasAsleep != null && !wasAsleep.contains(mv)) continue;
            node.todo.add(i);
        }
        if (node.todo.isEmpty()) {
            sleepCuts++;
            throw new Runner.Cut();
        }
        stack.add(node);
        return node.codes.get(node.current());
    }

    /** The moves of a choice point, one per distinct move, with the decision code of each. */
    private static void listMoves(Node node, Machine m, int ready, int cancellable, List<Integer> tasks) {
        node.ready = ready;
        int batch = m.batchLeft();
        int droppable = 0;
        for (int i = 0; i < Math.min(batch, ready); i++) if (m.peekReady(i).handle() >= 0) droppable++;
        Set<Move> seen = new HashSet<>();
        for (int i = 0; i < ready; i++) {
            Move mv = new Move(m.peekReady(i), i < batch, -1);
            if (!seen.add(mv)) continue;
            node.moves.add(mv);
            node.codes.add(i);
            node.ending.add(batch - (i < batch ? 1 : 0) - droppable <= 0);
        }
        for (int k = 0; k < cancellable; k++) {
            node.moves.add(new Move(null, false, tasks.get(k)));
            node.codes.add(ready + k);
            node.ending.add(batch - droppable <= 0);
        }
    }

    /** The sleep set after the node's current move: moves asleep or done here that are independent of it. */
    private Map<Move, Footprint> sleepAfter(Node node) {
        if (!reduce) return Map.of();
        int cur = node.current();
        Footprint fp = node.currentFp;
        if (fp == TOUCHES_ALL || node.ending.get(cur)) return Map.of();
        Map<Move, Footprint> next = new HashMap<>();
        addIndependent(node, node.sleep, fp, next);
        addIndependent(node, node.done, fp, next);
        return next;
    }

    private static void addIndependent(Node node, Map<Move, Footprint> from, Footprint fp, Map<Move, Footprint> into) {
        for (Map.Entry<Move, Footprint> e : from.entrySet()) {
            int i = node.moves.indexOf(e.getKey());
            if (i < 0 || node.ending.get(i) || e.getValue() == TOUCHES_ALL) continue;
            if (!e.getValue().conflicts(fp)) into.put(e.getKey(), e.getValue());
        }
    }

    /** After a run: the next prefix to run (deepest choice point with a move left), or null when done. */
    List<Decision> backtrack(Recorder r) {
        while (!stack.isEmpty()) {
            Node node = stack.get(stack.size() - 1);
            node.done.put(node.moves.get(node.current()), node.currentFp);
            node.currentFp = TOUCHES_ALL;
            if (node.cursor + 1 < node.todo.size()) {
                node.cursor++;
                List<Decision> prefix = new ArrayList<>(stack.size());
                for (Node n : stack) {
                    int code = n.codes.get(n.current());
                    prefix.add(code < n.ready ? new Decision(false, code) : new Decision(true, code - n.ready));
                }
                return prefix;
            }
            stack.remove(stack.size() - 1);
        }
        return null;
    }
}
