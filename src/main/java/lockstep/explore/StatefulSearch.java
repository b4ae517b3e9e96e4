package lockstep.explore;

import lockstep.explore.Schedule.Decision;
import lockstep.sched.Runner;
import lockstep.vm.Canon;
import lockstep.vm.Machine;

import java.util.*;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The exhaustive search with state caching, on one thread or more: depth-first over the choice
 * points of a program's runs, with the sleep sets and the visited set of {@link SleepSetDfs},
 * but each state checked against the visited set when it is generated rather than when the
 * search reaches it.
 * <p>
 * A choice point waiting to be explored is an {@link Entry} on the stack: a run stopped
 * there, the decisions that led to it, its sleep set, and so the moves it explores. Its
 * <em>expansion</em> takes each of those moves in a copy of the run (the last in the run
 * itself) and runs on to the next choice point or the end ({@link Successor}): the steps, the
 * monitors and the fingerprint of each successor (and its move list, with helpers). The
 * <em>merge</em> gives each successor its sleep set (the moves asleep at the entry, and those
 * taken before there, that are independent of its move), checks its fingerprint against the
 * visited set, and pushes it or counts a run: ended, or cut because its state was already
 * queued or explored with no more moves asleep (a state explored with none asleep is cut
 * before its moves are listed). A state pushed is marked visited at once, with its sleep set.
 * <p>
 * Everything the report says is decided by the merge, on the search's thread, in an order
 * that depends on the program alone: the report is the same for any number of threads. A run
 * counted is a leaf of the explored tree; a violation is counted at every explored step that
 * shows it.
 * <p>
 * <b>Helpers</b> ({@code --threads}). A successor depends on its run and its move alone, so
 * any thread may take a move, early. The search publishes the entries it pushes below the top
 * (the siblings of the one it explores next); a helper takes the newest and <em>speculates</em>
 * below it: it expands it, gives the successors the sleep sets the merge will give them if it
 * reaches them the same way, and goes on depth-first, as the search will, skipping states
 * already visited (and goes on there, when nothing newer is published). When the search gets
 * there, the moves are taken: it merges them, and adopts the entries the helper made for the
 * successors it reaches the same way, sleep sets and all. A move is
 * claimed by one thread (a compare-and-set); a helper that finds a move claimed by the search
 * has been caught up with and takes a newer entry. What a helper took that the search does not
 * explore (a state cut, a move asleep) is let go when the merge knows it, and helpers stop
 * while more than {@link #AHEAD} of their moves wait to be merged, so memory stays bounded.
 * But for the entry it starts from, a helper works on runs it made itself: a run read on the
 * other core takes half as long again to copy.
 */
final class StatefulSearch implements AutoCloseable {

    /** What the search reports to the explorer, on the merging thread, in merge order. */
    interface Sink {
        /** A step (the last decision of {@code trail}) showed violation {@code v}. */
        void violation(Monitors.Breach v, Trail trail);

        /**
         * A leaf: the run ended ({@code res}, its {@link Explorer#outcome}) or was cut ({@code res}
         * null) after {@code trail}; false stops the search.
         */
        boolean leaf(Runner.Result res, List<Object> outcome, Machine m, Trail trail);

        /** Handles run by one decision. */
        void steps(long n);

        /** Called once per entry merged: may stop the search by throwing (a time or memory bound). */
        void tick();
    }

    /** The decisions that lead to a choice point, shared with its ancestors' (a persistent list). */
    record Trail(Trail parent, Decision decision, int length) {
        static final Trail ROOT = new Trail(null, null, 0);

        Trail then(Decision d) { return new Trail(this, d, length + 1); }

        List<Decision> toList() {
            Decision[] out = new Decision[length];
            for (Trail t = this; t.length > 0; t = t.parent) out[t.length - 1] = t.decision;
            return Arrays.asList(out);
        }
    }

    /** The moves of a successor's choice point, named canonically (cancels only while some are left to inject). */
    private static Moves listed(Successor s, boolean blind) {
        Moves l = Moves.list(s.runner.machine(), s.ready, s.cancellable.size(), s.cancellable, blind);
        l.name(i -> s.handleNames[i], k -> s.taskNames[k]);
        return l;
    }

    /** The tasks of a successor that nobody may take any more (it was cut, or merged). */
    private static final Task[] GONE = new Task[0];

    /**
     * What one move led to: the successor and its moves, or the batch split turned out to
     * matter. With helper threads it also holds the tasks that take each of the successor's
     * moves (made once, by the first thread that needs them; {@link #GONE} once let go).
     */
    private final class Child extends AtomicReference<Task[]> {
        final Successor next;
        /** The successor's moves: listed when it is taken if helpers run, else when the merge needs them ({@link #arrive}). */
        Moves listed;
        final boolean batchMatters;
        /** Cancels injected up to the successor. */
        final int cancelsUsed;
        /**
         * The entry a helper made for the successor, reached by its move from entry
         * {@link #specParent}; the search adopts it when it reaches the successor the same way
         * (from that very entry, the state new), instead of making its own ({@link #arrive}).
         */
        volatile Entry spec;
        Entry specParent;

        Child(Successor next, Moves listed, boolean batchMatters, int cancelsUsed) {
            this.next = next;
            this.listed = listed;
            this.batchMatters = batchMatters;
            this.cancelsUsed = cancelsUsed;
        }

        /** A task per listed move of the successor, each taking it in a copy of the successor's run; {@link #GONE} once let go. */
        Task[] moves() {
            Task[] t = get();
            if (t != null) return t;
            t = tasks();
            return compareAndSet(null, t) ? t : get();
        }

        Task[] tasks() {
            Task[] t = new Task[listed.size()];
            for (int i = 0; i < t.length; i++) t[i] = new Task(next.runner, listed.code(i), cancelsUsed + (listed.isCancel(i) ? 1 : 0));
            return t;
        }
    }

    private static final int FREE = 0, CLAIMED = 1, DONE = 2, DROPPED = 3;

    /**
     * One move taken from a run at a choice point, by the first thread that claims it: FREE,
     * CLAIMED, then DONE; DROPPED when nobody may take it any more (its successor is not
     * explored, or the search took it again itself). Threads wait for each other by spinning,
     * never by parking: a move takes a few microseconds.
     */
    private final class Task extends AtomicInteger {
        final Runner at;
        final int code;
        final int cancelsAfter;
        private Child result;
        private Throwable failure;
        /** Whether a helper took it: the move counts in {@link #ahead} until merged or let go. */
        private boolean byHelper;
        /** Whether the search took it again, a helper being late: that helper may still read the run. */
        boolean late;

        Task(Runner at, int code, int cancelsAfter) {
            this.at = at;
            this.code = code;
            this.cancelsAfter = cancelsAfter;
        }

        /** A helper takes the move if nobody has claimed it: its successor, or null. */
        Child speculate(Canon c) {
            if (!compareAndSet(FREE, CLAIMED)) return null;
            Child r;
            try {
                r = take(at, code, cancelsAfter, false, c);
            } catch (Throwable t) {
                failure = t;
                r = null;
            }
            result = r;
            byHelper = true;
            if (!compareAndSet(CLAIMED, DONE)) return null;
            tookAhead.increment();
            return r;
        }

        /**
         * The search takes the move's successor: takes the move here (in the run itself if
         * {@code inPlace}), or waits while a helper takes it. A helper that is late (its thread
         * descheduled on a busy machine, say) is not waited for: the move is taken again here,
         * and as a successor depends on its run and move alone, it makes no difference which
         * copy the search merges.
         */
        Child join(Canon c, boolean inPlace) {
            if (compareAndSet(FREE, CLAIMED)) {
                result = take(at, code, cancelsAfter, inPlace, c);
                set(DONE);
            } else {
                long since = System.nanoTime();
                int spins = 0;
                while (get() == CLAIMED) {
                    if ((++spins & 0xFF) == 0 && System.nanoTime() - since > LATE_NANOS && compareAndSet(CLAIMED, DROPPED)) {
                        late = true;
                        return take(at, code, cancelsAfter, false, c);
                    }
                    Thread.onSpinWait();
                }
                merged();
            }
            if (failure instanceof RuntimeException re) throw re;
            if (failure instanceof Error err) throw err;
            if (failure != null) throw new IllegalStateException(failure);
            return result;
        }

        /** The search has merged (or let go of) what a helper took: it no longer counts as ahead. */
        private void merged() {
            if (byHelper) {
                byHelper = false;
                mergedAhead.lazySet(mergedAhead.get() + 1); // the search's thread alone writes it
            }
        }

        /**
         * Nobody may take the move any more; what a helper took below it is let go (put on
         * {@code below}). True if a helper is taking it still, and so may read the run.
         */
        boolean drop(ArrayDeque<Child> below) {
            if (compareAndSet(FREE, DROPPED)) return false;
            while (get() == CLAIMED) {
                if (compareAndSet(CLAIMED, DROPPED)) return true;
            }
            if (get() == DONE) {
                merged();
                if (result != null) below.push(result);
            }
            result = null;
            return false;
        }
    }

    /** How long the search waits for a helper's move before it takes the move itself: some ten moves' time. */
    private static final long LATE_NANOS = 50_000;
    /** Helpers pause while this many of their moves wait to be merged. */
    static final int AHEAD = 4096;
    /**
     * How many choice points a helper expands below one published entry before it takes the
     * newest again (measured on model/bench/02: 16 to 64 do about as well; unbounded, helpers
     * work far ahead of the search and wait while what they took waits to be merged).
     */
    static final int PER_ROOT = 32;
    /** Entries published at most: past it the oldest is let go (the search expands it itself). */
    static final int PUBLISHED = 64;

    /** A choice point to explore (or, for a helper, one it expects the search to explore). */
    private static final class Entry {
        final Child at;
        /** Set by the search (a helper's entry has none until the search adopts it). */
        Trail trail;
        final MoveSet sleep;
        /** The canonical names of the moves asleep, sorted: what the visited set keeps for a new state. */
        final long[] sleepNames;
        /** The moves explored here (indexes into the listed moves, in order): awake, and asleep when the state was explored before. */
        final int[] todo;

        /** Where each move of the sleep set is among the listed moves (-1: not one), see {@link SleepSetDfs#indexes}. */
        final int[] sleepAt;

        Entry(Child at, Trail trail, MoveSet sleep, int[] sleepAt, long[] wasAsleep) {
            this.at = at;
            this.trail = trail;
            this.sleep = sleep;
            this.sleepAt = sleepAt;
            this.sleepNames = SleepSetDfs.asleepNames(at.listed, sleepAt);
            Moves listed = at.listed;
            boolean[] asleep = new boolean[listed.size()];
            for (int i : sleepAt) if (i >= 0) asleep[i] = true;
            int[] t = new int[listed.size()];
            int n = 0;
            for (int i = 0; i < t.length; i++) {
                if (asleep[i]) continue;
                if (wasAsleep != null && Arrays.binarySearch(wasAsleep, listed.names[i]) < 0) continue;
                t[n++] = i;
            }
            this.todo = Arrays.copyOf(t, n);
        }
    }

    private final boolean reduce;
    private final boolean blind;
    private final int maxCancels;
    private final Sink sink;
    private final FingerprintSet visited = new FingerprintSet();
    /** With {@code --check-fingerprints}: the whole state behind each fingerprint, to count collisions. */
    private final Map<Long, long[]> states;
    private long collisions;
    private final Canon canon;
    /** Whether helper threads run. */
    private final boolean helped;
    /** Moves helpers took, in all (merged or not): each helper counts in a cell of its own. */
    private final java.util.concurrent.atomic.LongAdder tookAhead = new java.util.concurrent.atomic.LongAdder();
    /**
     * Moves helpers took that the search merged or let go of, written by the search's thread
     * alone: the two counts are apart so that a move taken does not pass one cache line from
     * core to core twice ({@link #ahead} is their difference).
     */
    private final java.util.concurrent.atomic.AtomicLong mergedAhead = new java.util.concurrent.atomic.AtomicLong();
    /** Entries pushed below the top, for helpers to speculate from: newest first, at most {@link #PUBLISHED}. */
    private final ConcurrentLinkedDeque<Entry> published = new ConcurrentLinkedDeque<>();
    private final AtomicInteger publishedSize = new AtomicInteger();
    private volatile boolean closed;
    private final ArrayList<Entry> stack = new ArrayList<>();

    StatefulSearch(boolean reduce, boolean checkFingerprints, int threads, boolean blind, int maxCancels, Sink sink) {
        this.reduce = reduce;
        this.blind = blind;
        this.maxCancels = maxCancels;
        this.sink = sink;
        this.states = checkFingerprints ? new HashMap<>() : null;
        this.canon = canon(blind, checkFingerprints);
        this.helped = threads > 1;
        for (int i = 1; i < threads; i++) {
            Thread t = new Thread(() -> help(canon(blind, checkFingerprints)), "lockstep-explore-" + i);
            t.setDaemon(true);
            t.start();
        }
    }

    private static Canon canon(boolean blind, boolean keepStates) {
        Canon c = new Canon(blind);
        if (keepStates) c.keepStates();
        return c;
    }

    /**
     * A helper thread, until the search is closed: speculates below the newest entry published;
     * with none newer, it goes on below the one it speculated from last, until the search
     * catches up with it there; with nothing to do, or while too far ahead, it spins a while,
     * then sleeps in short naps.
     */
    private void help(Canon c) {
        int idle = 0;
        Speculation going = null;
        while (!closed) {
            if (ahead() < AHEAD) {
                Entry root = published.pollFirst();
                if (root != null) {
                    publishedSize.decrementAndGet();
                    going = new Speculation(root);
                }
                if (going != null) {
                    if (!speculate(going, c)) going = null;
                    idle = 0;
                    continue;
                }
            }
            if (++idle < 20_000) {
                Thread.onSpinWait();
            } else {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000);
            }
        }
    }

    /** A helper's depth-first speculation below one published entry: the entries left, and the states it reached. */
    private static final class Speculation {
        final ArrayDeque<Entry> todo = new ArrayDeque<>();
        final HashSet<Long> reached = new HashSet<>();

        Speculation(Entry root) { todo.push(root); }
    }

    /**
     * Explores below a published entry as the search will, taking the moves: depth-first, each
     * successor with the sleep set the merge would give it, none whose state is visited
     * already (or was reached here before), {@link #PER_ROOT} entries at a time. False when it
     * is over: the search has been there (a move it claimed), or nothing is left below.
     */
    private boolean speculate(Speculation g, Canon c) {
        ArrayDeque<Entry> todo = g.todo;
        HashSet<Long> reached = g.reached;
        List<Entry> pushed = new ArrayList<>();
        int budget = PER_ROOT;
        while (!todo.isEmpty() && !closed && ahead() < AHEAD && budget-- > 0) {
            Entry e = todo.pop();
            Task[] all = e.at.moves();
            if (all == GONE) continue;
            Moves l = e.at.listed;
            MoveSet done = new MoveSet();
            int[] doneAt = new int[e.todo.length];
            pushed.clear();
            for (int j = 0; j < e.todo.length; j++) {
                int i = e.todo[j];
                Task t = all[i];
                if (t.get() != FREE) {
                    if (t.get() == DROPPED) break;
                    return false;
                }
                Child child = t.speculate(c);
                if (child == null || child.batchMatters) break;
                Successor s = child.next;
                if (s.pending && reached.add(s.fingerprint) && !visited.mayContain(s.fingerprint)) {
                    MoveSet sleep = reduce ? SleepSetDfs.sleepAfter(l, e.sleep, e.sleepAt, done, doneAt, i, s.footprint, true) : MoveSet.EMPTY;
                    Entry next = new Entry(child, null, sleep, SleepSetDfs.indexes(child.listed, sleep), null);
                    child.specParent = e;
                    child.spec = next;
                    pushed.add(next);
                }
                doneAt[done.size()] = i;
                done.add(l.get(i), s.footprint);
            }
            for (int j = pushed.size() - 1; j >= 0; j--) todo.push(pushed.get(j));
        }
        return !todo.isEmpty();
    }

    @Override public void close() {
        closed = true;
        published.clear();
        stack.clear();
    }

    /** Moves helpers took that are neither merged nor let go yet (none once a search has ended and its helpers are done). */
    long ahead() { return tookAhead.sum() - mergedAhead.get(); }

    /** Moves helpers took in all, merged or not (a figure that depends on timing: never in the report). */
    long tookAhead() { return tookAhead.sum(); }

    /** Distinct states visited. */
    long states() { return visited.size(); }

    long visitedBytes() { return visited.bytes(); }

    double collisionProbability() { return visited.collisionProbability(); }

    long collisions() { return collisions; }

    /** Choice points pushed and not yet explored. */
    long frontier() { return stack.size(); }

    /**
     * Searches from {@code start} (a run at its start) until every pushed choice point is
     * explored (true) or the sink stops it (false).
     */
    boolean search(Runner start) {
        Successor first = Successor.begin(start, blind, maxCancels > 0, canon);
        sink.steps(first.steps);
        for (Monitors.Breach v : first.violations) sink.violation(v, Trail.ROOT);
        if (!first.pending) return sink.leaf(start.result(), first.outcome, start.machine(), Trail.ROOT);
        checkCollision(first);
        visited.put(first.fingerprint, SleepSetDfs.EMPTY);
        stack.add(new Entry(new Child(first, listed(first, blind), false, 0), Trail.ROOT, MoveSet.EMPTY, SleepSetDfs.NO_INDEXES, null));
        while (!stack.isEmpty()) {
            sink.tick();
            Entry e = stack.remove(stack.size() - 1);
            if (e.todo.length == 0) {
                if (!sink.leaf(null, null, null, e.trail)) return false;
                letGo(e.at);
                continue;
            }
            if (!merge(e, expand(e))) return false;
        }
        return true;
    }

    /**
     * The successors of an entry's moves, taken one after the other, the last in the entry's
     * run itself. With helpers: those they took are merged as they are; the search first takes
     * the moves nobody has claimed, then waits for those a helper is taking; and it uses the
     * run itself only when no helper can read it any more.
     */
    private Child[] expand(Entry e) {
        Child[] children = new Child[e.todo.length];
        Moves l = e.at.listed;
        Runner run = e.at.next.runner;
        if (!helped) {
            for (int j = 0; j < children.length; j++) {
                int i = e.todo[j];
                children[j] = take(run, l.code(i), e.at.cancelsUsed + (l.isCancel(i) ? 1 : 0), j + 1 == children.length, canon);
            }
            return children;
        }
        Task[] all = e.at.getAndSet(GONE);
        if (all == GONE) throw new IllegalStateException("an entry explored twice");
        if (all == null) all = e.at.tasks();
        ArrayDeque<Child> below = new ArrayDeque<>();
        boolean inPlace = true;
        for (int i = 0, k = 0; i < all.length; i++) {
            if (k < e.todo.length && e.todo[k] == i) k++;
            else inPlace &= !all[i].drop(below);
        }
        letGo(below);
        for (int j = 0; j < children.length; j++) {
            Task t = all[e.todo[j]];
            if (t.get() != FREE) continue;
            children[j] = t.join(canon, inPlace && j + 1 == children.length && noneTaking(all, e.todo, j));
            inPlace &= !t.late;
        }
        for (int j = 0; j < children.length; j++) {
            if (children[j] == null) children[j] = all[e.todo[j]].join(canon, false);
        }
        return children;
    }

    /** Whether no helper is taking one of the first {@code n} explored moves (and so reading the run). */
    private static boolean noneTaking(Task[] all, int[] todo, int n) {
        for (int j = 0; j < n; j++) if (all[todo[j]].get() == CLAIMED) return false;
        return true;
    }

    /** Takes move {@code code} in a copy of run {@code at}, or in {@code at} itself. */
    private Child take(Runner at, int code, int cancelsAfter, boolean inPlace, Canon c) {
        try {
            boolean cancelsLeft = cancelsAfter < maxCancels;
            Successor s = inPlace ? Successor.take(at, code, reduce, blind, cancelsAfter, cancelsLeft, c)
                    : Successor.of(at, code, reduce, blind, cancelsAfter, cancelsLeft, c);
            return new Child(s, s.pending && helped ? listed(s, blind) : null, false, cancelsAfter);
        } catch (SleepSetDfs.BatchMatters bm) {
            return new Child(null, null, true, cancelsAfter);
        }
    }

    /** Lets go of what helpers took below a successor the search does not explore. */
    private void letGo(Child child) {
        if (!helped || child == null || child.listed == null) return;
        ArrayDeque<Child> below = new ArrayDeque<>();
        below.push(child);
        letGo(below);
    }

    private static void letGo(ArrayDeque<Child> below) {
        while (!below.isEmpty()) {
            Child c = below.pop();
            if (c.listed == null) continue;
            Task[] all = c.getAndSet(GONE);
            if (all != null) for (Task t : all) t.drop(below);
        }
    }

    /**
     * Merges an entry's expansion (see the class comment), and pushes the successors to explore
     * so that the first is on top; false when the sink stopped the search.
     */
    private boolean merge(Entry e, Child[] children) {
        Moves l = e.at.listed;
        MoveSet done = new MoveSet();
        int[] doneAt = new int[children.length];
        List<Entry> pushed = new ArrayList<>(children.length);
        for (int j = 0; j < children.length; j++) {
            Child child = children[j];
            if (child.batchMatters) throw new SleepSetDfs.BatchMatters();
            int i = e.todo[j];
            Successor s = child.next;
            Trail trail = e.trail.then(l.decision(i));
            sink.steps(s.steps);
            for (Monitors.Breach v : s.violations) sink.violation(v, trail);
            if (!s.pending) {
                if (!sink.leaf(s.runner.result(), s.outcome, s.runner.machine(), trail)) return false;
            } else {
                Entry next = arrive(child, trail, e, done, doneAt, i);
                if (next != null) {
                    pushed.add(next);
                } else {
                    letGo(child);
                    if (!sink.leaf(null, null, null, trail)) return false;
                }
            }
            doneAt[done.size()] = i;
            done.add(l.get(i), s.footprint);
        }
        for (int j = pushed.size() - 1; j >= 0; j--) stack.add(pushed.get(j));
        if (helped) {
            for (int j = pushed.size() - 1; j >= 1; j--) publish(pushed.get(j));
        }
        return true;
    }

    /** Offers an entry pushed below the top to the helpers (newest first). */
    private void publish(Entry e) {
        published.offerFirst(e);
        if (publishedSize.incrementAndGet() > PUBLISHED && published.pollLast() != null) publishedSize.decrementAndGet();
    }

    /**
     * A successor reaches a choice point by move {@code i} of entry {@code e}, the moves
     * {@code done} taken there before it: an entry when its state is new or was explored (or
     * pushed) with a move asleep that is awake now (then only those moves are explored, and the
     * visited set keeps what was asleep both times); null when it is cut. Its sleep set (the
     * moves asleep at {@code e} and done there that are independent of move {@code i}) is
     * made only when the state is not cut whatever is asleep.
     */
    private Entry arrive(Child child, Trail trail, Entry e, MoveSet done, int[] doneAt, int i) {
        Successor s = child.next;
        checkCollision(s);
        long[] wasAsleep = visited.get(s.fingerprint);
        if (wasAsleep != null && wasAsleep.length == 0) return null; // explored with nothing asleep: cut, whatever is asleep now
        Entry spec = child.spec;
        if (spec != null && wasAsleep == null && child.specParent == e) { // made by a helper as here: the same sleep set
            visited.put(s.fingerprint, spec.sleepNames);
            spec.trail = trail;
            return spec;
        }
        MoveSet sleep = reduce ? SleepSetDfs.sleepAfter(e.at.listed, e.sleep, e.sleepAt, done, doneAt, i, s.footprint, true) : MoveSet.EMPTY;
        if (child.listed == null) child.listed = listed(s, blind);
        Entry next = new Entry(child, trail, sleep, SleepSetDfs.indexes(child.listed, sleep), wasAsleep);
        if (wasAsleep == null) {
            visited.put(s.fingerprint, next.sleepNames);
        } else if (SleepSetDfs.containsAll(next.sleepNames, wasAsleep)) {
            return null;
        } else {
            visited.put(s.fingerprint, SleepSetDfs.intersection(wasAsleep, next.sleepNames));
        }
        return next;
    }

    private void checkCollision(Successor s) {
        if (states == null) return;
        long[] seen = states.putIfAbsent(s.fingerprint, s.state);
        if (seen != null && !Arrays.equals(seen, s.state)) collisions++;
    }
}
