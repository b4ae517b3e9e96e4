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
 * <em>expansion</em> takes each of those moves in a copy of the run and runs on to the next
 * choice point or the end ({@link Successor}): the steps, the monitors, the fingerprint and
 * the move list of each successor. An expansion depends on its entry alone, so helper
 * threads ({@code --threads}) expand entries while the search goes on. The <em>merge</em>
 * is done on the search's thread, in the stack's order: it gives
 * each successor its sleep set (the moves asleep at the entry, and those taken before there,
 * that are independent of its move), checks its fingerprint against the visited set, and
 * pushes it or counts a run: ended, or cut because its state was already queued or explored
 * with no more moves asleep. A state pushed is marked visited at once, with its sleep set.
 * <p>
 * Everything the report says is decided by the merge, in an order that depends on the
 * program alone: the report is the same for any number of threads. A run counted is a leaf
 * of the explored tree; a violation is counted at every explored step that shows it.
 * <p>
 * Who takes which move. A move takes a few microseconds, most of it spent reading the run it
 * starts from; read on another core than the one that wrote it, it takes half as long again.
 * So a successor a helper took is expanded by a helper, one the search's thread took by that
 * thread, but for the second and later moves of an entry, which go to a helper: that is how
 * helpers get runs of their own. The moves of the next entry the search will reach are handed
 * over while the search still merges the others; while the search waits for a helper's move,
 * it takes moves of its own runs further down the stack, and so does an idle helper. Measured on 2 virtual cores, 2
 * threads took 0.9 to 0.6 of the time of one (see the README), not the half that two
 * independent searches take there: the merge and the chain of first moves are one thread's
 * work.
 */
final class StatefulSearch implements AutoCloseable {

    /** What the search reports to the explorer, on the merging thread, in merge order. */
    interface Sink {
        /** A step (the last decision of {@code trail}) showed violation {@code v}. */
        void violation(Monitors.Breach v, Trail trail);

        /** A leaf: the run ended ({@code res}) or was cut ({@code res} null) after {@code trail}; false stops the search. */
        boolean leaf(Runner.Result res, Machine m, Trail trail);

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

    /**
     * What one move led to: the successor and its moves, or the batch split turned out to
     * matter. With helper threads it also holds the tasks that take each of the successor's
     * moves in turn (made once, when the search first hands them over).
     */
    private final class Child extends AtomicReference<Task[]> {
        final Successor next;
        final Moves listed;
        final boolean batchMatters;
        /** Cancels injected up to the successor. */
        final int cancelsUsed;
        /** Whether a helper thread took the move: its run is in that core's cache, so a helper takes its moves. */
        final boolean helperMade = Thread.currentThread() != searcher;

        Child(Successor next, Moves listed, boolean batchMatters, int cancelsUsed) {
            this.next = next;
            this.listed = listed;
            this.batchMatters = batchMatters;
            this.cancelsUsed = cancelsUsed;
        }

        /** A task per listed move of the successor, each taking it in a copy of the successor's run. */
        Task[] moves() {
            Task[] t = get();
            if (t != null) return t;
            t = new Task[listed.size()];
            for (int i = 0; i < t.length; i++) t[i] = new Task(next.runner, listed.code(i), cancelsUsed + (listed.isCancel(i) ? 1 : 0));
            return compareAndSet(null, t) ? t : get();
        }
    }

    /**
     * One move taken from a run at a choice point, by the first thread that claims it (state
     * 0: free, 1: claimed, 2: done). A move takes a few microseconds, so threads hand moves
     * over through a lock-free stack and wait for each other by spinning, never by parking.
     */
    private final class Task extends AtomicInteger {
        final Runner at;
        final int code;
        final int cancelsAfter;
        private Child result;
        private Throwable failure;

        Task(Runner at, int code, int cancelsAfter) {
            this.at = at;
            this.code = code;
            this.cancelsAfter = cancelsAfter;
        }

        /** Runs the move if no thread has claimed it yet; false if one has. */
        boolean tryRun(Canon c) {
            if (!compareAndSet(0, 1)) return false;
            try {
                result = take(at, code, cancelsAfter, false, c);
            } catch (Throwable t) {
                failure = t;
            }
            set(2);
            return true;
        }

        /**
         * The move's successor: taken here, or waited for while a helper takes it (meanwhile
         * this thread takes moves of its own runs that the search will need later). A helper
         * that is late (its thread descheduled on a busy machine, say) is not waited for: the
         * move is taken again here, and as a successor depends on its run and move alone, it
         * makes no difference which copy the search merges.
         */
        Child join(Canon c) {
            if (!tryRun(c)) {
                long since = System.nanoTime();
                int spins = 0;
                while (get() != 2) {
                    Task own = mine.newest();
                    if (own != null) {
                        own.tryRun(c);
                    } else if ((++spins & 0xFF) == 0 && System.nanoTime() - since > LATE_NANOS) {
                        return take(at, code, cancelsAfter, false, c);
                    } else {
                        Thread.onSpinWait();
                    }
                }
            }
            if (failure instanceof RuntimeException re) throw re;
            if (failure instanceof Error err) throw err;
            if (failure != null) throw new IllegalStateException(failure);
            return result;
        }
    }

    /** How long the search waits for a helper's move before it takes the move itself: some ten moves' time. */
    private static final long LATE_NANOS = 50_000;

    /** A choice point to explore. */
    private static final class Entry {
        final Child at;
        final Trail trail;
        final MoveSet sleep;
        /** The moves explored here (indexes into the listed moves, in order): awake, and asleep when the state was explored before. */
        final int[] todo;

        Entry(Child at, Trail trail, MoveSet sleep, long[] wasAsleep) {
            this.at = at;
            this.trail = trail;
            this.sleep = sleep;
            Moves listed = at.listed;
            int[] t = new int[listed.size()];
            int n = 0;
            for (int i = 0; i < t.length; i++) {
                if (sleep.contains(listed.get(i))) continue;
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
    /**
     * Moves waiting for a thread, newest first. At most {@code limit}: past it the oldest is let
     * go (the search takes it itself when it gets there). Threads take the newest first, so
     * without a bound the oldest, and the runs they hold, would pile up.
     */
    private static final class Waiting {
        private final ConcurrentLinkedDeque<Task> tasks = new ConcurrentLinkedDeque<>();
        private final AtomicInteger size = new AtomicInteger();
        private final int limit;

        Waiting(int limit) { this.limit = limit; }

        void push(Task t) {
            tasks.offerFirst(t);
            if (size.incrementAndGet() > limit) oldest();
        }

        Task newest() { return counted(tasks.pollFirst()); }

        Task oldest() { return counted(tasks.pollLast()); }

        private Task counted(Task t) {
            if (t != null) size.decrementAndGet();
            return t;
        }

        void clear() { tasks.clear(); }
    }

    /** Moves handed to the helper threads (null: this thread does everything). */
    private final Waiting handed;
    private volatile boolean closed;
    /** The searching thread, and the moves of its own runs below the top of the stack (newest first). */
    private final Thread searcher = Thread.currentThread();
    private final Waiting mine = new Waiting(256);
    private final ArrayList<Entry> stack = new ArrayList<>();

    StatefulSearch(boolean reduce, boolean checkFingerprints, int threads, boolean blind, int maxCancels, Sink sink) {
        this.reduce = reduce;
        this.blind = blind;
        this.maxCancels = maxCancels;
        this.sink = sink;
        this.states = checkFingerprints ? new HashMap<>() : null;
        this.canon = canon(blind, checkFingerprints);
        this.handed = threads > 1 ? new Waiting(64) : null;
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
     * A helper thread, until the search is closed: takes the newest move handed over (the top
     * entry's, then those of the entries nearest the top, which the search needs soonest); with
     * none, the oldest move of the search's own runs (a run read on another core, but better
     * than nothing to do); idle, it spins a while, then sleeps in short naps.
     */
    private void help(Canon c) {
        int idle = 0;
        while (!closed) {
            Task t = handed.newest();
            if (t != null) {
                t.tryRun(c);
                idle = 0;
                continue;
            }
            Task far = mine.oldest();
            if (far != null) {
                far.tryRun(c);
                idle = 0;
            } else if (++idle < 20_000) {
                Thread.onSpinWait();
            } else {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000);
            }
        }
    }

    @Override public void close() {
        closed = true;
        if (handed != null) handed.clear();
        stack.clear();
        mine.clear();
    }

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
        if (!first.pending) return sink.leaf(start.result(), start.machine(), Trail.ROOT);
        checkCollision(first);
        visited.put(first.fingerprint, SleepSetDfs.EMPTY);
        stack.add(new Entry(new Child(first, listed(first, blind), false, 0), Trail.ROOT, MoveSet.EMPTY, null));
        while (!stack.isEmpty()) {
            sink.tick();
            Entry e = stack.remove(stack.size() - 1);
            if (e.todo.length == 0) {
                if (!sink.leaf(null, null, e.trail)) return false;
                continue;
            }
            if (!merge(e, expand(e))) return false;
        }
        return true;
    }

    /**
     * The successors of an entry's moves: taken here one after the other (the last in the
     * entry's run itself), or with helpers, as their tasks, which they may have taken already.
     */
    private Child[] expand(Entry e) {
        Child[] children = new Child[e.todo.length];
        Moves l = e.at.listed;
        if (handed == null) {
            for (int j = 0; j < children.length; j++) {
                int i = e.todo[j];
                children[j] = take(e.at.next.runner, l.code(i), e.at.cancelsUsed + (l.isCancel(i) ? 1 : 0), j + 1 == children.length, canon);
            }
            return children;
        }
        Task[] all = handOver(e, e.at.helperMade ? 0 : 1, handed);
        for (int j = 0; j < children.length; j++) children[j] = all[e.todo[j]].join(canon);
        forget(e.at, all);
        return children;
    }

    /**
     * Lets go of what an expanded entry's tasks hold: a task kept by a helper's stack, and a
     * successor taken ahead that the search did not explore, must not keep the next ones alive
     * (dead objects in the old generation that point to young ones make a collector copy them
     * again and again: with these links in a chain, every run taken would survive).
     */
    private static void forget(Child at, Task[] all) {
        at.set(null);
        for (Task t : all) if (t.get() == 2) t.result = null;
    }

    /**
     * Puts the moves an entry explores, from its {@code from}th on, that no thread has taken
     * yet, on {@code to}, the first on top; returns the entry's tasks.
     */
    private static Task[] handOver(Entry e, int from, Waiting to) {
        Task[] all = e.at.moves();
        for (int j = e.todo.length - 1; j >= from; j--) if (all[e.todo[j]].get() == 0) to.push(all[e.todo[j]]);
        return all;
    }

    /** Takes move {@code code} in a copy of run {@code at}, or in {@code at} itself. */
    private Child take(Runner at, int code, int cancelsAfter, boolean inPlace, Canon c) {
        try {
            boolean cancelsLeft = cancelsAfter < maxCancels;
            Successor s = inPlace ? Successor.take(at, code, reduce, blind, cancelsAfter, cancelsLeft, c)
                    : Successor.of(at, code, reduce, blind, cancelsAfter, cancelsLeft, c);
            return new Child(s, s.pending ? listed(s, blind) : null, false, cancelsAfter);
        } catch (SleepSetDfs.BatchMatters bm) {
            return new Child(null, null, true, cancelsAfter);
        }
    }

    /**
     * Merges an entry's expansion (see the class comment), and pushes the successors to explore
     * so that the first is on top; false when the sink stopped the search.
     */
    private boolean merge(Entry e, Child[] children) {
        Moves l = e.at.listed;
        MoveSet done = new MoveSet();
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
                if (!sink.leaf(s.runner.result(), s.runner.machine(), trail)) return false;
            } else {
                MoveSet sleep = reduce ? SleepSetDfs.sleepAfter(l, e.sleep, done, i, s.footprint) : MoveSet.EMPTY;
                Entry next = arrive(child, trail, sleep);
                if (next != null && pushed.isEmpty() && child.helperMade && handed != null) handOver(next, 0, handed);
                if (next != null) pushed.add(next);
                else if (!sink.leaf(null, null, trail)) return false;
            }
            done.put(l.get(i), s.footprint);
        }
        for (int j = pushed.size() - 1; j >= 0; j--) stack.add(pushed.get(j));
        if (handed != null) {
            for (int j = pushed.size() - 1; j >= 1; j--) handOver(pushed.get(j), 0, pushed.get(j).at.helperMade ? handed : mine);
        }
        return true;
    }

    /**
     * A successor reaches a choice point with sleep set {@code sleep}: an entry when its state
     * is new or was explored (or pushed) with a move asleep that is awake now (then only those
     * moves are explored, and the visited set keeps what was asleep both times); null when it
     * is cut.
     */
    private Entry arrive(Child child, Trail trail, MoveSet sleep) {
        Successor s = child.next;
        checkCollision(s);
        long[] sleepNames = SleepSetDfs.asleepNames(child.listed, sleep);
        long[] wasAsleep = visited.get(s.fingerprint);
        if (wasAsleep == null) {
            visited.put(s.fingerprint, sleepNames);
        } else if (SleepSetDfs.containsAll(sleepNames, wasAsleep)) {
            return null;
        } else {
            visited.put(s.fingerprint, SleepSetDfs.intersection(wasAsleep, sleepNames));
        }
        return new Entry(child, trail, sleep, wasAsleep);
    }

    private void checkCollision(Successor s) {
        if (states == null) return;
        long[] seen = states.putIfAbsent(s.fingerprint, s.state);
        if (seen != null && !Arrays.equals(seen, s.state)) collisions++;
    }
}
