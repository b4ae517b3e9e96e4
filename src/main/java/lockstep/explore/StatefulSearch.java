package lockstep.explore;

import lockstep.explore.Schedule.Decision;
import lockstep.sched.Runner;
import lockstep.vm.Canon;
import lockstep.vm.Machine;
import lockstep.vm.Machine.Printed;

import java.util.*;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.StampedLock;

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
 * monitors and the fingerprint of each successor. The <em>merge</em> gives each successor its
 * sleep set (the moves asleep at the entry, and those taken before there, that are
 * independent of its move), checks its fingerprint against the visited set, and pushes it or
 * counts a run: ended, or cut because its state was already queued or explored with no more
 * moves asleep (a state explored with none asleep is cut before its moves are listed). A state
 * pushed is marked visited at once, with its sleep set. A run counted is a leaf of the explored
 * tree; a violation is counted at every explored step that shows it.
 * <p>
 * <b>Parts</b> ({@code --threads}). What a run printed is part of its state and only grows, so
 * two states can be the same only if what one printed starts with what the other did: once two
 * runs printed different lines, they never meet again. So the subtree below an entry
 * whose move printed can be explored on another thread, as a <em>part</em>, with a visited set
 * of its own (it reads the search's for what was visited before it), while the search goes on
 * elsewhere, as long as the search touches no state whose output starts with the part's
 * (it waits for the part first, and adds the part's visited set to its own) and hands no other
 * part over whose output one of the two starts with. Each part then explores what the search
 * on one thread explores there, in the same order, sees the same visited states and makes the
 * same decisions; what it counts is kept apart ({@link Sink#part}) and added to the report in
 * the search's order ({@link Sink#append}), so the report is the same for any number of
 * threads. How much runs in parallel depends on the program: runs that print early split
 * into parts at once; a program that prints only at its end gives no part.
 * <p>
 * The entry handed over is the deepest on the stack whose output meets neither the output of an
 * entry above it (explored before it) nor a running part's, so the search goes on with no need
 * to wait for that part until much later; a mark left in its place puts the part's counts in
 * the search's order when the search reaches it ({@link Entry#handed}). Failing such an entry, the
 * one the search is about to explore is handed over when its move printed.
 * <p>
 * <b>--max-schedules on several threads.</b> The search's order is a list of {@link Segment}s
 * (a part's, the search's thread's between two parts it placed). One goes to the report once
 * every one before it is there ({@link #advance}); the search's thread then counts straight into
 * it again. The segment where the report reaches the bound is cut after that run, with the new
 * states and sleep sets it had counted up to there, so the report is the one thread's for any
 * bound; what comes after in the order is dropped, and every thread stops.
 */
final class StatefulSearch implements AutoCloseable {

    /** What the search reports to the explorer, on the thread that explores, in the search's order. */
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

        /** Called once per entry explored: may stop the search by throwing (a time or memory bound). */
        void tick();

        /**
         * A sink that keeps what a part of the search tells it, to be appended to this one
         * later, in the search's order ({@code searchThread}: the search's own thread fills it),
         * whole or cut after any of its runs. Its {@link #leaf} never stops the search.
         */
        Sink part(boolean searchThread);

        /**
         * Adds what a part kept, as if it had been told here, one event after the other: all of
         * it, or ({@code leaves} at most its runs) what it counted up to its run number
         * {@code leaves}, where the search stops, and nothing after that run.
         */
        void append(Sink part, long leaves);
    }

    /**
     * A search on several threads that must be done again on one to stop where one thread
     * stops: it failed (its batches matter, say) where a part stopped by that failure might have
     * reached --max-schedules first, or the bound fell further into a segment than the runs it
     * kept figures for ({@link #LOGGED}).
     */
    static final class Redo extends RuntimeException {
        Redo() { super(null, null, false, false); }
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
        Moves l = Moves.list(s.runner.machine(), s.ready, s.cancellable.size(), s.cancellable, blind, s.handleNames);
        l.name(i -> s.handleNames[i], k -> s.taskNames[k]);
        return l;
    }

    /** What one move led to: the successor and its moves. */
    private static final class Child {
        final Successor next;
        /** The successor's moves, listed when the merge needs them ({@link #arrive}). */
        Moves listed;
        /** Cancels injected up to the successor. */
        final int cancelsUsed;

        Child(Successor next, int cancelsUsed) {
            this.next = next;
            this.cancelsUsed = cancelsUsed;
        }
    }

    /** A choice point to explore. */
    private static final class Entry {
        final Child at;
        final Trail trail;
        final MoveSet sleep;
        /** The canonical names of the moves asleep, sorted: what the visited set keeps for a new state. */
        final long[] sleepNames;
        /** The moves explored here (indexes into the listed moves, in order): awake, and asleep when the state was explored before. */
        final int[] todo;
        /** Where each move of the sleep set is among the listed moves (-1: not one), see {@link SleepSetDfs#indexes}. */
        final int[] sleepAt;
        /** What the run printed up to here (taken before anyone takes a move in the run itself). */
        final Printed out;
        /** Whether the move into this choice point printed. */
        final boolean printed;
        /** For a mark left on the search's stack where a part was taken from it: popping it places the part's sink in the order. */
        final Part handed;

        /** The mark of part {@code p}, taken from the stack where the mark goes (see {@link #handed}). */
        Entry(Part p) {
            at = null;
            trail = p.root.trail;
            sleep = null;
            sleepNames = null;
            todo = null;
            sleepAt = null;
            out = p.root.out;
            printed = false;
            handed = p;
        }

        /** A choice point to explore, with the names of the moves asleep there ({@link SleepSetDfs#asleepNames}). */
        Entry(Child at, Trail trail, MoveSet sleep, int[] sleepAt, long[] sleepNames, long[] wasAsleep, Printed before) {
            this.handed = null;
            this.at = at;
            this.trail = trail;
            this.sleep = sleep;
            this.sleepAt = sleepAt;
            this.sleepNames = sleepNames;
            this.out = at.next.runner.machine().printed();
            this.printed = out != before;
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

    /**
     * A part of the search explored on another thread: the subtree below {@link #root}, its
     * own visited set, and what it found. Done once its thread is through (or failed).
     */
    private static final class Part {
        final Entry root;
        final FingerprintSet visited = new FingerprintSet();
        final Segment segment;
        volatile boolean done;
        /** Its mark was popped: it is in the search's order. */
        boolean placed;
        /** It stopped at --max-schedules: nothing after its runs counted can be in the report ({@link Segment#pastTheBound}). */
        volatile boolean reached;
        Throwable failure;

        Part(Entry root, Sink sink, int logged) {
            this.root = root;
            this.segment = new Segment(sink, this, visited, logged);
        }
    }

    /**
     * A stretch of the search's order counted apart when the search runs on several threads:
     * a part's, or the search's thread's between two parts it placed. What it counted goes to
     * the report once everything before it in the order is there ({@link #advance}), whole, or
     * cut after the run where the order reaches {@code --max-schedules}. So it keeps, for each
     * run, the new states counted up to it, and the run up to which each sleep set was first
     * stored: what the visited set of one thread would have held at that run.
     */
    private static final class Segment {
        final Sink sink;
        /** The part that counts here; null: the search's own thread. */
        final Part part;
        /** The visited set whose numbers of sleep sets {@link #setAt} holds. */
        final FingerprintSet table;
        /**
         * Runs counted so far. Written without a fence at every run: the search's thread reads a
         * part's exactly once the part is done (after {@link Part#done}), and as an estimate
         * before ({@link Walk#leaf}).
         */
        int leaves;
        private int newStates;
        /** Runs this segment keeps figures for ({@link #LOGGED}). */
        private final int logged;
        /** The new states counted up to run i + 1, up to run {@link #logged}. */
        private int[] newStatesAt = new int[16];
        /** For each sleep set number: the run (from 1) up to which it was first stored here; 0: never. */
        private int[] setAt = new int[8];

        Segment(Sink sink, Part part, FingerprintSet table, int logged) {
            this.logged = logged;
            this.sink = sink;
            this.part = part;
            this.table = table;
        }

        /** A state was stored here with sleep set number {@code id}; {@code isNew}: never visited before. */
        void stored(boolean isNew, int id) {
            if (isNew) newStates++;
            if (id >= setAt.length) setAt = Arrays.copyOf(setAt, Math.max(id + 1, setAt.length * 2));
            if (setAt[id] == 0) setAt[id] = leaves + 1;
        }

        /** A run was counted here. */
        void counted() {
            int n = leaves;
            if (n < logged) {
                if (n == newStatesAt.length) newStatesAt = Arrays.copyOf(newStatesAt, Math.min(logged, n * 2));
                newStatesAt[n] = newStates;
            }
            leaves = n + 1;
        }

        /** New states counted up to run {@code k} (from 1; at most {@link #logged}), or in all ({@code k} past the runs). */
        int newStates(long k) { return k > leaves ? newStates : newStatesAt[(int) k - 1]; }

        /** Adds the sleep sets stored up to run {@code k} (or in all, as above) to {@code u}. */
        void sets(long k, FingerprintSet.Union u) {
            for (int id = 0; id < setAt.length; id++) if (setAt[id] != 0 && setAt[id] <= k) u.add(table.sleepSet(id));
        }

        /** Whether this segment alone reaches the bound, {@code left} runs left before it at most: nothing after it counts. */
        boolean pastTheBound(long left) { return leaves >= left; }

        /** Whether it kept the figures of its run {@code k}. */
        boolean kept(long k) { return k <= logged; }
    }

    /**
     * How many runs a segment keeps figures for (about 12 bytes each, for the few segments not
     * yet in the report): past the default --max-schedules, a million. A cut further into one
     * (a higher bound) makes the search on several threads be done again on one.
     */
    static final int LOGGED = 1 << 20;

    private final boolean reduce;
    private final boolean blind;
    private final int maxCancels;
    private final Sink sink;
    /**
     * The search's visited set: written by its thread alone (under {@link #lock}), read by the
     * parts' too, optimistically: a read is valid when no write began or ended meanwhile.
     */
    private final FingerprintSet visited = new FingerprintSet();
    private final StampedLock lock = new StampedLock();
    /** How deep in the stack a part is looked for ({@link Walk#bottomPart}). */
    private static final int BOTTOM_SCAN = 64;
    /** With {@code --check-fingerprints}: the whole state behind each fingerprint, to count collisions. */
    private final Map<Long, long[]> states;
    private long collisions;
    /** Parts handed over, oldest first, until their visited sets are added to the search's. */
    private final ArrayList<Part> parts = new ArrayList<>();
    /** Parts waiting for a thread. */
    private final ConcurrentLinkedQueue<Part> queue = new ConcurrentLinkedQueue<>();
    /** Threads waiting for a part. */
    private final AtomicInteger idle = new AtomicInteger();
    private final int threads;
    /** --max-schedules: where the search's order is cut. */
    private final long maxLeaves;
    /** Runs each segment keeps figures for ({@link #LOGGED}). */
    private final int logged;
    private volatile boolean closed;
    /** Set when a part failed (a bound, say): every thread stops. */
    private volatile boolean failed;
    private final Walk main;

    StatefulSearch(boolean reduce, boolean checkFingerprints, int threads, boolean blind, int maxCancels, Sink sink) {
        this(reduce, checkFingerprints, threads, blind, maxCancels, Long.MAX_VALUE, sink);
    }

    /** With --max-schedules {@code maxLeaves}: the sink stops a search on one thread there, this one a search on several. */
    StatefulSearch(boolean reduce, boolean checkFingerprints, int threads, boolean blind, int maxCancels, long maxLeaves, Sink sink) {
        this(reduce, checkFingerprints, threads, blind, maxCancels, maxLeaves, LOGGED, sink);
    }

    /** With segments that keep the figures of their first {@code logged} runs (tests: fewer than {@link #LOGGED}). */
    StatefulSearch(boolean reduce, boolean checkFingerprints, int threads, boolean blind, int maxCancels, long maxLeaves, int logged,
                   Sink sink) {
        this.maxLeaves = maxLeaves;
        this.logged = logged;
        this.reduce = reduce;
        this.blind = blind;
        this.maxCancels = maxCancels;
        this.sink = sink;
        this.states = checkFingerprints ? new HashMap<>() : null;
        this.threads = checkFingerprints ? 1 : threads; // the collision check keeps one map of whole states
        this.main = new Walk(canon(blind, checkFingerprints), null);
        int cores = Runtime.getRuntime().availableProcessors();
        for (int i = 1; i < this.threads; i++) {
            boolean waitForJit = JitQuiet.leavesNoCore(i, cores);
            Thread t = new Thread(() -> work(waitForJit), "lockstep-explore-" + i);
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
     * A thread that explores parts, until the search is closed; with {@code waitForJit}, only
     * once the JIT compiler is quiet ({@link JitQuiet}).
     */
    private void work(boolean waitForJit) {
        Canon c = canon(blind, false);
        if (waitForJit) JitQuiet.awaitJvm(() -> closed);
        idle.incrementAndGet();
        int spins = 0;
        while (!closed) {
            Part p = queue.poll();
            if (p == null) {
                spins = pause(spins);
                continue;
            }
            spins = 0;
            Walk w = new Walk(c, p);
            try {
                w.stack.add(p.root);
                w.run();
            } catch (Reached r) {
                p.reached = true;
            } catch (Throwable t) {
                p.failure = t;
                if (!(t instanceof Stopped)) failed = true;
            }
            p.done = true;
            idle.incrementAndGet();
        }
    }

    /** Whether a thread waits for a part and none is queued for it yet. */
    private boolean aThreadWaits() { return idle.get() > 0 && queue.isEmpty(); }

    /**
     * One turn of a thread that waits (turn {@code spins}, counted from 0): it spins, then sleeps
     * 50 us at a time, and after a second of that 1 ms at a time. Returns the next turn's number.
     */
    private static int pause(int spins) {
        if (spins < 20_000) Thread.onSpinWait();
        else LockSupport.parkNanos(spins < 40_000 ? 50_000 : 1_000_000);
        return Math.min(spins + 1, 40_000);
    }

    /** Hands the subtree below {@code root} over to a thread that waits, as a part. */
    private Part handOver(Entry root) {
        Part p = new Part(root, sink.part(false), logged);
        parts.add(p);
        handedOver.add(p);
        idle.decrementAndGet();
        queue.add(p);
        return p;
    }

    @Override public void close() {
        closed = true;
        main.stack.clear();
    }

    /** Distinct states visited: on several threads, those visited up to where the search's order stopped. */
    long states() { return threads == 1 ? visited.size() : countedStates; }

    long visitedBytes() {
        return threads == 1 ? visited.bytes() : FingerprintSet.bytes(countedStates, countedSets.size(), countedSets.bytes());
    }

    double collisionProbability() { return FingerprintSet.collisionProbability(states()); }

    // On several threads: what the report holds so far, in the search's order (the search's thread's figures).
    /** Runs in the report (the search's thread's figure). */
    private long countedLeaves;
    /**
     * The same for the parts, to stop at the bound: published without a fence, and read by a
     * part now and then ({@link Walk#leaf}), so the two threads do not pass its cache line back
     * and forth at every run. A part that reads it late only stops later.
     */
    private final java.util.concurrent.atomic.AtomicLong countedShared = new java.util.concurrent.atomic.AtomicLong();
    /** New states in the report. */
    private long countedStates;
    /** The sleep sets stored in the report's stretch of the order. */
    private final FingerprintSet.Union countedSets = new FingerprintSet.Union();
    /** Numbers of sleep sets (in the search's visited set) the search's thread stored while it told the sink at once. */
    private final BitSet directSets = new BitSet();
    /** The stretches of the order counted apart, from the first not in the report yet ({@link #head}) on. */
    private final ArrayList<Segment> order = new ArrayList<>();
    private int head;
    /** Set once the search's order reached --max-schedules: every thread stops. */
    private volatile boolean cut;
    /** Whether the order was cut in a stretch counted apart (not where the search's thread told the sink at once; for tests). */
    private boolean cutApart;

    boolean cutApart() { return cutApart; }

    /** A part stops: its runs reach the bound (see {@link Segment#pastTheBound}). */
    private static final class Reached extends RuntimeException {
        Reached() { super(null, null, false, false); }
    }

    /** The search's thread stops: what it counts apart now comes after the bound. */
    private static final class PastTheBound extends RuntimeException {
        PastTheBound() { super(null, null, false, false); }
    }

    long collisions() { return collisions; }

    /** Choice points pushed and not yet explored (on the search's thread). */
    long frontier() { return main.stack.size(); }

    /**
     * Searches from {@code start} (a run at its start) until every pushed choice point is
     * explored (true) or the sink stops it (false).
     */
    boolean search(Runner start) {
        Successor first = Successor.begin(start, blind, maxCancels > 0, main.canon);
        main.sink.steps(first.steps);
        for (Monitors.Breach v : first.violations) main.sink.violation(v, Trail.ROOT);
        if (!first.pending) return main.sink.leaf(start.result(), first.outcome, start.machine(), Trail.ROOT);
        checkCollision(first);
        main.store(first.fingerprint, SleepSetDfs.EMPTY, true);
        Child root = new Child(first, 0);
        root.listed = listed(first, blind);
        main.stack.add(new Entry(root, Trail.ROOT, MoveSet.EMPTY, SleepSetDfs.NO_INDEXES, SleepSetDfs.EMPTY, null, null));
        if (threads == 1) return main.run();
        try {
            return searchOnThreads();
        } catch (Redo r) {
            failed = true;
            for (Part p : handedOver) await(p);
            throw r;
        }
    }

    /** The search on several threads, from its first choice point on the search's stack. */
    private boolean searchOnThreads() {
        boolean ended;
        try {
            ended = main.run();
        } catch (PastTheBound p) {
            return stopAtTheBound();
        } catch (Redo r) {
            throw r;
        } catch (RuntimeException | Error e) {
            return failedAt(e);
        }
        if (!ended) { // the sink stopped it, as on one thread: everything before is in the report
            stopAll();
            return false;
        }
        for (Part p : handedOver) await(p);
        advance(true);
        if (cut) return false;
        if (head < order.size()) return failedAt(new Stopped());
        parts.clear(); // the report's figures are counted apart ({@link #states})
        return true;
    }

    /**
     * The search's thread counted past --max-schedules: the parts placed before it in the order
     * are waited for (each ends, or stops at the bound itself), and the order is cut.
     */
    private boolean stopAtTheBound() {
        for (int i = head; i < order.size(); i++) if (order.get(i).part != null) await(order.get(i).part);
        advance(false);
        if (!cut) return failedAt(new Stopped());
        stopAll();
        return false;
    }

    /** Every part stops; the search's thread waits until they have. */
    private void stopAll() {
        cut = true;
        for (Part p : handedOver) await(p);
    }

    /**
     * The search failed ({@code e}, on the search's thread; {@link Stopped} when a part failed):
     * once every thread is through, the order is cut where it reaches --max-schedules before the
     * first failure in the order, if it does; else that failure is rethrown, or, when a part
     * stopped by it came before it, the search is done again on one thread ({@link Redo}): that
     * part might have reached the bound first. (A time or memory bound, or an error, is rethrown
     * at once: where those stop depends on timing anyway.)
     */
    private boolean failedAt(Throwable e) {
        failed = true;
        for (Part p : handedOver) await(p);
        Throwable first = null;
        boolean stoppedBefore = false;
        while (head < order.size() && first == null) {
            advance(false);
            if (cut) return false;
            if (head == order.size()) break;
            Segment s = order.get(head++);
            Throwable t = s.part == null ? e : s.part.failure;
            if (t == null || t instanceof Stopped) stoppedBefore = true;
            else first = t;
        }
        if (first == null) { // the search's thread failed where it told the sink at once, or stopped by a part not placed yet
            for (Part p : handedOver) if (!p.placed && p.failure != null && !(p.failure instanceof Stopped)) { first = p.failure; break; }
            if (first == null) first = e;
        }
        if (first instanceof Stopped) throw new IllegalStateException("a search on several threads stopped with no failure");
        if (stoppedBefore && first instanceof SleepSetDfs.BatchMatters) throw new Redo();
        if (first instanceof RuntimeException re) throw re;
        if (first instanceof Error err) throw err;
        throw new IllegalStateException(first);
    }

    /**
     * Adds to the report, in the search's order, the stretches counted apart that are through
     * (a part done, the search's thread's before a part it placed), until one that is not, or
     * the one where the order reaches --max-schedules, cut there ({@link #cut}). When the search's
     * thread's own is reached and {@code through} (it counted up to where it is now), it is added
     * and the search's thread tells the sink at once again. On the search's thread.
     */
    private void advance(boolean through) {
        while (head < order.size() && !cut) {
            Segment s = order.get(head);
            long left = maxLeaves - countedLeaves;
            boolean current = s == main.segment;
            if (s.part != null && !s.part.done) return;
            if (current && !through && !s.pastTheBound(left)) return;
            if (s.pastTheBound(left)) {
                if (!s.kept(left)) throw new Redo();
                add(s, left);
                cut = true;
                cutApart = true;
                return;
            }
            if (s.part != null && (s.part.failure != null || s.part.reached)) return; // failedAt() sorts it out
            add(s, Long.MAX_VALUE);
            head++;
            if (current) {
                main.segment = null;
                main.sink = sink;
                order.clear();
                head = 0;
            }
        }
    }

    /** Adds segment {@code s} to the report, up to its run {@code k} (all of it when {@code k} is past its runs). */
    private void add(Segment s, long k) {
        sink.append(s.sink, k);
        countedLeaves += Math.min(k, s.leaves);
        countedShared.lazySet(countedLeaves);
        countedStates += s.newStates(k);
        s.sets(k, countedSets);
    }

    /** Every part handed over (for their failures). */
    private final List<Part> handedOver = new ArrayList<>();

    /** Parts handed over to other threads so far (a figure that depends on timing: never in the report). */
    long partsHandedOver() { return handedOver.size(); }

    /**
     * A part the search's thread waited for or would take the states of: one that stopped at
     * the bound means that what the search's thread counts now comes after the bound, once it
     * is placed; any other failure stops the search.
     */
    private void check(Part p) {
        if (p.failure != null) throw new Stopped();
        if (p.reached && p.placed) throw new PastTheBound();
    }

    private static void await(Part p) {
        int spins = 0;
        while (!p.done) spins = pause(spins);
    }

    /** Adds a part's visited set to the search's (the part is done). */
    private void absorb(Part p) {
        long st = lock.writeLock();
        try {
            visited.absorb(p.visited);
        } finally {
            lock.unlockWrite(st);
        }
    }

    /**
     * The search's thread is to touch a state that printed {@code out}: first every part whose
     * states it may be must be done, and its visited set added; a part that failed stops the
     * search.
     */
    private void waitFor(Printed out) {
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (!Printed.startsWith(out, p.root.out)) continue;
            await(p);
            check(p);
            absorb(p);
            parts.remove(i--);
        }
    }

    /**
     * Adds the visited sets of the parts that are done, but for the first {@link #KEPT_APART}
     * of more than {@link #ABSORBED_AT_ONCE} states: those are added when the search's thread is
     * to touch their states, if it ever is ({@link #waitFor}, {@link #mayHandOver}); most parts
     * taken from the bottom of the stack never are, and adding a large one takes the search's
     * thread a while.
     */
    private void absorbDone() {
        int apart = 0;
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (!p.done || p.reached && !p.placed) continue; // its states come after the bound: never added
            check(p);
            if (p.visited.size() > ABSORBED_AT_ONCE && ++apart <= KEPT_APART) continue;
            absorb(p);
            parts.remove(i--);
        }
    }

    /** See {@link #absorbDone}: the search's thread checks each state it reaches against every part kept apart. */
    private static final int ABSORBED_AT_ONCE = 1 << 15, KEPT_APART = 8;

    /** The search stops because a part failed: its failure is rethrown once every part is through. */
    private static final class Stopped extends RuntimeException {
        Stopped() { super(null, null, false, false); }
    }

    /**
     * Whether entry {@code e} may be handed over as a part now: its move printed, a thread is
     * waiting, and no part not yet added has output that starts with its own or that its own
     * starts with (those done are added first).
     */
    private boolean mayHandOver(Entry e) {
        if (!e.printed || !aThreadWaits()) return false;
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (!Printed.comparable(e.out, p.root.out)) continue;
            if (!p.done || p.reached && !p.placed) return false;
            check(p);
            absorb(p);
            parts.remove(i--);
        }
        return true;
    }

    /**
     * A depth-first walk: the search's own (its thread; {@code part} null), or a part's, on
     * another thread, with the part's visited set and sink.
     */
    private final class Walk {
        final ArrayList<Entry> stack = new ArrayList<>();
        final Canon canon;
        final Part part;
        Sink sink;
        /**
         * Where this walk counts apart: a part's segment; the search's own walk's since the last
         * part it placed, null while it tells the search's sink at once.
         */
        Segment segment;
        /** The visited set this walk stores in. */
        final FingerprintSet table;
        /** A part's: the runs in the report when it last looked ({@link #countedShared}). */
        private long counted;

        /** Places part {@code p}'s segment next in the search's order, and a new one of the search's own after it. */
        void place(Part p) {
            p.placed = true;
            order.add(p.segment);
            segment = new Segment(StatefulSearch.this.sink.part(true), null, visited, logged);
            sink = segment.sink;
            order.add(segment);
        }

        Walk(Canon canon, Part part) {
            this.canon = canon;
            this.part = part;
            this.segment = part == null ? null : part.segment;
            this.sink = part == null ? StatefulSearch.this.sink : segment.sink;
            this.table = part == null ? visited : part.visited;
        }

        /**
         * Counts a run at a leaf (see {@link Sink#leaf}): false when the sink stops the search. On
         * several threads, a part stops once its runs reach the bound ({@link Reached}), the
         * search's own walk once what it and the stretches before it not yet in the report
         * counted do ({@link PastTheBound}).
         */
        private boolean leaf(Runner.Result res, List<Object> outcome, Machine m, Trail trail) {
            if (!sink.leaf(res, outcome, m, trail)) return false;
            if (threads == 1) return true;
            Segment s = segment;
            if (s == null) {
                if ((++countedLeaves & 63) == 0) countedShared.lazySet(countedLeaves);
                return true;
            }
            s.counted();
            if (part != null && (s.leaves & 63) == 1) counted = countedShared.get();
            long left = maxLeaves - (part != null ? counted : countedLeaves);
            if (s.pastTheBound(left)) {
                if (part != null) throw new Reached();
                throw new PastTheBound();
            }
            if (part == null && (s.leaves & 255) == 0) {
                long pending = 0;
                for (int i = head; i < order.size(); i++) pending += order.get(i).leaves;
                if (pending >= left) throw new PastTheBound(); // the bound is reached before here whatever the parts still count
            }
            return true;
        }

        /** Stores {@code fp} with its sleep set; {@code isNew}: a state never visited before. */
        void store(long fp, long[] sleepNames, boolean isNew) {
            int id;
            if (part != null || threads == 1) {
                id = table.put(fp, sleepNames);
            } else {
                long st = lock.writeLock(); // uncontended: parts only read optimistically
                try {
                    id = visited.put(fp, sleepNames);
                } finally {
                    lock.unlockWrite(st);
                }
            }
            if (threads == 1) return;
            if (segment != null) {
                segment.stored(isNew, id);
            } else {
                if (isNew) countedStates++;
                if (!directSets.get(id)) {
                    directSets.set(id);
                    countedSets.add(visited.sleepSet(id));
                }
            }
        }

        /**
         * Explores until the stack is empty (true) or the sink stops it (false); the search's walk
         * hands parts over when a thread waits for one, and places their sinks in the search's order.
         */
        boolean run() {
            while (!stack.isEmpty()) {
                if (failed || cut) throw new Stopped();
                if (part == null && segment != null) {
                    advance(true);
                    if (cut) return false;
                }
                sink.tick();
                Entry e = stack.remove(stack.size() - 1);
                if (e.handed != null) { // explored by another thread: its counts go here in the order
                    place(e.handed);
                    continue;
                }
                if (e.todo.length == 0) {
                    if (!leaf(null, null, null, e.trail)) return false;
                    continue;
                }
                if (part == null && threads > 1) {
                    absorbDone();
                    handOverBottom(e);
                    if (mayHandOver(e)) {
                        place(handOver(e));
                        continue;
                    }
                }
                if (!merge(e, expand(e))) return false;
            }
            return true;
        }

        /**
         * Hands over the entry deepest in the stack whose output meets neither the output of
         * any entry above it nor of {@code next} (explored before it) nor that of a running part,
         * if a thread waits.
         */
        private void handOverBottom(Entry next) {
            if (!aThreadWaits()) return;
            int i = bottomPart(next);
            if (i >= 0) stack.set(i, new Entry(handOver(stack.get(i))));
        }

        /** Where the deepest entry is whose output meets no output explored before it nor a running part's (-1: none). */
        int bottomPart(Entry next) {
            int top = stack.size() - 1;
            for (int i = 0; i < top && i < BOTTOM_SCAN; i++) {
                Entry b = stack.get(i);
                if (b.handed != null || !b.printed || b.todo.length == 0) continue;
                boolean alone = !Printed.comparable(b.out, next.out);
                for (int j = i + 1; j <= top && alone; j++) alone = !Printed.comparable(b.out, stack.get(j).out);
                for (int k = 0; k < parts.size() && alone; k++) alone = !Printed.comparable(b.out, parts.get(k).root.out);
                if (alone) return i;
            }
            return -1;
        }

        /** The successors of an entry's moves, taken one after the other, the last in the entry's run itself. */
        private Child[] expand(Entry e) {
            Child[] children = new Child[e.todo.length];
            Moves l = e.at.listed;
            Runner run = e.at.next.runner;
            for (int j = 0; j < children.length; j++) {
                int i = e.todo[j];
                children[j] = take(run, l.code(i), e.at.cancelsUsed + (l.isCancel(i) ? 1 : 0), j + 1 == children.length);
            }
            return children;
        }

        /** Takes move {@code code} in a copy of run {@code at}, or in {@code at} itself (a batch-blind search may throw {@link SleepSetDfs.BatchMatters}). */
        private Child take(Runner at, int code, int cancelsAfter, boolean inPlace) {
            boolean cancelsLeft = cancelsAfter < maxCancels;
            Successor s = inPlace ? Successor.take(at, code, reduce, blind, cancelsAfter, cancelsLeft, canon)
                    : Successor.of(at, code, reduce, blind, cancelsAfter, cancelsLeft, canon);
            return new Child(s, cancelsAfter);
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
                int i = e.todo[j];
                Successor s = child.next;
                Trail trail = e.trail.then(l.decision(i));
                sink.steps(s.steps);
                for (Monitors.Breach v : s.violations) sink.violation(v, trail);
                if (!s.pending) {
                    if (!leaf(s.runner.result(), s.outcome, s.runner.machine(), trail)) return false;
                } else {
                    Entry next = arrive(child, trail, e, done, doneAt, i);
                    if (next != null) {
                        pushed.add(next);
                    } else if (!leaf(null, null, null, trail)) {
                        return false;
                    }
                }
                doneAt[done.size()] = i;
                done.add(l.get(i), s.footprint);
            }
            for (int j = pushed.size() - 1; j >= 0; j--) stack.add(pushed.get(j));
            return true;
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
            long[] wasAsleep = lookUp(s);
            if (wasAsleep != null && wasAsleep.length == 0) return null; // explored with nothing asleep: cut, whatever is asleep now
            MoveSet sleep = reduce ? SleepSetDfs.sleepAfter(e.at.listed, e.sleep, e.sleepAt, done, doneAt, i, s.footprint, true) : MoveSet.EMPTY;
            child.listed = listed(s, blind);
            int[] sleepAt = SleepSetDfs.indexes(child.listed, sleep);
            long[] sleepNames = SleepSetDfs.asleepNames(child.listed, sleepAt);
            if (wasAsleep == null) {
                store(s.fingerprint, sleepNames, true);
            } else if (SleepSetDfs.containsAll(sleepNames, wasAsleep)) {
                return null;
            } else {
                store(s.fingerprint, SleepSetDfs.intersection(wasAsleep, sleepNames), false);
            }
            return new Entry(child, trail, sleep, sleepAt, sleepNames, wasAsleep, e.out);
        }

        /** The sleep set a state was visited with, null if never: a part reads its own visited set, then the search's. */
        private long[] lookUp(Successor s) {
            if (part == null) {
                if (!parts.isEmpty()) waitFor(s.runner.machine().printed());
                return visited.get(s.fingerprint);
            }
            long[] own = part.visited.get(s.fingerprint);
            if (own != null) return own;
            while (true) { // read between two writes of the search's thread, never waiting on the lock (no parking)
                long st = lock.tryOptimisticRead();
                if (st != 0) {
                    try {
                        long[] r = visited.get(s.fingerprint);
                        if (lock.validate(st)) return r;
                    } catch (RuntimeException torn) {
                        // read while the search's thread wrote: read again
                    }
                }
                Thread.onSpinWait();
            }
        }

    }

    private void checkCollision(Successor s) {
        if (states == null) return;
        long[] seen = states.putIfAbsent(s.fingerprint, s.state);
        if (seen != null && !Arrays.equals(seen, s.state)) collisions++;
    }
}
