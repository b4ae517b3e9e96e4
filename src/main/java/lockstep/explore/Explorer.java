package lockstep.explore;

import lockstep.Lockstep;
import lockstep.explore.Recorder.Found;
import lockstep.explore.Schedule.Decision;
import lockstep.sched.Runner;
import lockstep.vm.Machine;
import lockstep.vm.Program;
import lockstep.vm.TaskView;

import java.io.PrintStream;
import java.util.*;

/**
 * Explores the schedules of a program: which ready handle runs at every step, and
 * injected cancellations. Every run is watched by a {@link Recorder} (and the invariants
 * by {@link Monitors}); strategies differ only in how they decide beyond a prefix:
 * <ul>
 *   <li>exhaustive — depth-first over every alternative ({@link StatefulSearch}; for a
 *       goal or without state caching {@link SleepSetDfs}), resuming copies of earlier runs
 *       and cutting a run as soon as it reaches a state already explored;</li>
 *   <li>random — a uniformly random alternative at each choice point, seeded;</li>
 *   <li>pct — probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010):
 *       random task priorities and {@code depth - 1} priority change points.</li>
 * </ul>
 */
public final class Explorer {

    public enum Strategy { EXHAUSTIVE, RANDOM, PCT }

    /** What to explore and within which bounds. */
    public record Options(Strategy strategy, long seed, int depth, int cancels, long maxSchedules, int maxSteps,
                          double timeLimitSeconds, boolean progress, PrintStream progressOut, boolean reduce, boolean cache,
                          boolean checkFingerprints, int threads, boolean batchBlind, long dporBudget) {
        /** DPOR first where it pays ({@link #defaultDporBudget}). */
        public Options(Strategy strategy, long seed, int depth, int cancels, long maxSchedules, int maxSteps,
                       double timeLimitSeconds, boolean progress, PrintStream progressOut, boolean reduce, boolean cache,
                       boolean checkFingerprints, int threads, boolean batchBlind) {
            this(strategy, seed, depth, cancels, maxSchedules, maxSteps, timeLimitSeconds, progress, progressOut, reduce, cache,
                    checkFingerprints, threads, batchBlind, defaultDporBudget(cancels));
        }

        /** Batch-blind first (see {@link SleepSetDfs}). */
        public Options(Strategy strategy, long seed, int depth, int cancels, long maxSchedules, int maxSteps,
                       double timeLimitSeconds, boolean progress, PrintStream progressOut, boolean reduce, boolean cache,
                       boolean checkFingerprints, int threads) {
            this(strategy, seed, depth, cancels, maxSchedules, maxSteps, timeLimitSeconds, progress, progressOut, reduce, cache,
                    checkFingerprints, threads, true);
        }

        public Options(Strategy strategy, long seed, int depth, int cancels, long maxSchedules, int maxSteps,
                       double timeLimitSeconds, boolean progress, PrintStream progressOut, boolean reduce, boolean cache) {
            this(strategy, seed, depth, cancels, maxSchedules, maxSteps, timeLimitSeconds, progress, progressOut, reduce, cache, false, 1);
        }

        /** With partial-order reduction and state caching on every core (the exhaustive strategy's defaults). */
        public Options(Strategy strategy, long seed, int depth, int cancels, long maxSchedules, int maxSteps,
                       double timeLimitSeconds, boolean progress, PrintStream progressOut) {
            this(strategy, seed, depth, cancels, maxSchedules, maxSteps, timeLimitSeconds, progress, progressOut, true, true, false,
                    defaultThreads());
        }

        /**
         * Threads of an exhaustive search unless told otherwise: every core. The report is the
         * same for any number ({@link StatefulSearch}); a search whose runs print nothing, or
         * only late, or that ends within seconds, runs on one all the same.
         */
        public static int defaultThreads() { return Runtime.getRuntime().availableProcessors(); }
    }

    /**
     * The schedules the DPOR search ({@link SourceDpor}) may run before it gives way to the
     * search with sleep sets and state caching. DPOR wins where tasks are independent (one
     * trace for {@code model/explore/06}, give or take the orders of gather's done-callbacks: 10
     * schedules, 0.09 ms, against 631 states, 1.05 ms). Elsewhere a DPOR schedule costs more
     * than a stateful state: measured on model/explore, model/bench and the corpus without
     * cancels (each search warmed up, then timed in-process), DPOR finished in 144 schedules
     * (1.20 ms) on {@code model/explore/02} against 359 states (0.62 ms) and in 1,644
     * (11.2 ms) on {@code 04} against 295 (1.13 ms); of the 22 scenarios whose DPOR search took
     * 33 to 200 schedules, the stateful search was as fast or faster on every one. So the
     * budget is small, and what a fallback costs stays a fraction of the search it precedes.
     */
    public static final long DPOR_BUDGET = 32;

    /**
     * The runs DPOR is taken to need for each move still to take at the choice points of its
     * path (each needs at least one), when it judges whether it will finish within its budget.
     * Measured on the scenarios of model/ without cancels: of the 228 (of 615) with four
     * moves or more left after DPOR's first run, 219 needed more than 32 schedules. Judging by
     * eight, DPOR gives way at once on those (explore/02, 04, 05 and 08: after 22 to 28 runs
     * judging by one, which is exact); on the 561 whose
     * search takes less than 50 ms, 41 that DPOR would finish within 32 ran the stateful
     * search instead, and the 561 searches took 8.5% less time in all (1,836 ms against
     * 2,007 judging by one run a move; 1,911 ms judging by four, which sent 7 to the stateful
     * search).
     */
    static final long RUNS_PER_MOVE_LEFT = 8;

    /**
     * DPOR runs first only without injected cancels. With them a stateless search tells apart
     * far more runs than a state cache lets through: forced, it did not finish within 100,000
     * schedules on {@code model/explore/06} or {@code 05 --cancel 1}, which the stateful search
     * explores in 20,841 and 13,562 (it was 26,975 and 19,506 when this was measured).
     */
    public static long defaultDporBudget(int cancels) { return cancels == 0 ? DPOR_BUDGET : 0; }

    /** One distinct outcome: what the run printed and how it ended. */
    public record Outcome(String stdout, int exit, long count, String schedule) {}

    /**
     * One cause of violation (see {@link Monitors.Breach}): how many runs showed it, and the
     * message of the shortest schedule that reproduces it ({@link #shorter}, then shrunk).
     * Kind {@code bound} lists a schedule cut at {@code --max-steps}, which is not a violation.
     */
    public record Violation(String kind, String message, String schedule, long count, String cause) {}

    /**
     * What an exploration found; {@code bounds}: the schedules cut at {@code --max-steps}, by where they were cut;
     * {@code reduction}: the exhaustive search that made the report ({@code dpor}, {@code sleep-sets} or {@code none};
     * null for the other strategies).
     */
    public record Report(String strategy, boolean complete, String bound, long schedules, long states, long steps,
                         List<Outcome> outcomes, List<Violation> violations, Visited visited, List<Violation> bounds,
                         String reduction) {}

    /**
     * The visited set of an exhaustive search with state caching: its size in bytes, and the
     * estimated probability that two states shared a fingerprint (so that one was never
     * explored), and with {@code checkFingerprints} how many fingerprints two different states
     * really shared (null otherwise). Null for the other strategies.
     */
    public record Visited(long states, long bytes, double collisionProbability, Long collisions) {
        public double bytesPerState() { return states == 0 ? 0 : (double) bytes / states; }
    }

    /**
     * What a goal-directed search looks for (the oracle's stdout search and trace check use
     * the exhaustive search this way, each with its own goal): it may cut a run that can no
     * longer reach it, offer only some moves at a choice point, and stops the search at the
     * first run that reaches it. Its hooks are called on the search's thread, in run order.
     */
    public interface Goal {
        /** What a choice point means for the goal: go on, cut the run, or the run so far is what is looked for. */
        enum At { GO_ON, CUT, REACHED }

        /**
         * At a choice point beyond those already decided, with the decisions taken so far
         * ({@code cancellable}: the tasks an injected cancel may hit here).
         */
        default At choicePoint(Machine m, int ready, List<Integer> cancellable, List<Decision> taken) { return At.GO_ON; }

        /** Whether move {@code code} (a ready index, or {@code ready + k} for a cancel) is offered at that choice point. */
        default boolean offers(Machine m, int code, int ready, List<Integer> cancellable, List<Decision> taken) { return true; }

        /** After each handle ran ({@code taken} ends with its decision): false cuts the run. */
        default boolean stepped(Machine m, Machine.Callback ran, List<Decision> taken) { return true; }

        /** A run ended (not cut): whether it is what is looked for. */
        boolean reached(Runner.Result res, List<Decision> schedule);
    }

    /**
     * The end of a goal-directed search: the schedule of the first run that reached the goal
     * (null if none did), the runs it took, and the bound that stopped it (null: complete).
     */
    public record Sought(String schedule, long schedules, String bound) {}

    private final Program program;
    private final Options opt;
    private Goal goal;
    private List<Decision> reached;
    /** Outcomes and violations found, keyed with addresses masked (an object's address is not an outcome). */
    private Map<List<Object>, Seen> outcomes = new LinkedHashMap<>();
    private Map<String, Seen> violations = new LinkedHashMap<>();
    private Map<String, Seen> bounds = new LinkedHashMap<>();

    /** The run that showed an outcome first (a violation: the run with the shortest schedule), and how many runs showed it. */
    private static final class Seen {
        String text;
        List<Decision> schedule;
        long count;
        /** A part's ({@link Part#upTo}): the run up to which each count was made, the first {@link #stamped}; null elsewhere. */
        int[] stamps;
        int stamped;
        /** A part's: what it showed from which run on. */
        List<Shown> shown;

        Seen(String text, List<Decision> schedule) {
            this.text = text;
            this.schedule = List.copyOf(schedule);
        }
    }

    /** What a part's {@link Seen} showed from run {@code stamp} on. */
    private record Shown(int stamp, String text, List<Decision> schedule) {}

    /**
     * Counts {@code key} once more in {@code into}: a new one shows {@code text} and
     * {@code schedule}, an old one those when {@code shortest} and its schedule is shorter
     * ({@link #shorter}). {@code log}: the part that keeps when each count and change was
     * made (its current run), or null.
     */
    private static <K> void count(Map<K, Seen> into, K key, String text, java.util.function.Supplier<List<Decision>> schedule,
                                  boolean shortest, Part log) {
        Seen s = into.get(key);
        if (s == null) {
            into.put(key, s = new Seen(text, schedule.get()));
            if (log != null) log.shown(s);
        } else if (shortest) {
            List<Decision> later = schedule.get();
            if (shorter(later, s.schedule)) {
                s.text = text;
                s.schedule = List.copyOf(later);
                if (log != null) log.shown(s);
            }
        }
        s.count++;
        if (log != null) log.counted(s);
    }

    private DepthFirst dfs;
    private String reduction;
    private long schedules;
    private long steps;
    private String bound;
    private final long started = System.nanoTime();
    private long lastProgress = System.nanoTime();

    public Explorer(Program program, Options opt) {
        this.program = program;
        this.opt = opt;
    }

    /** Searches exhaustively (with the options' reduction and cache) for a run that reaches {@code goal}. */
    public Sought seek(Goal goal) {
        this.goal = goal;
        try {
            exhaustive();
        } catch (OutOfMemoryError e) {
            outOfMemory();
        }
        dfs = null;
        return new Sought(reached == null ? null : Schedule.format(reached), schedules, reached == null ? bound : null);
    }

    public Report explore() {
        try {
            switch (opt.strategy()) {
                case EXHAUSTIVE -> exhaustive();
                case RANDOM -> sampled(false);
                default -> sampled(true);
            }
        } catch (OutOfMemoryError e) {
            outOfMemory();
        }
        long states = opt.strategy() != Strategy.EXHAUSTIVE ? steps : searchStates();
        Visited visited = stateful != null
                ? new Visited(stateful.states(), stateful.visitedBytes(), stateful.collisionProbability(),
                        opt.checkFingerprints() ? stateful.collisions() : null)
                : dfs instanceof SleepSetDfs s && opt.cache()
                ? new Visited(s.states(), s.visitedBytes(), s.collisionProbability(), opt.checkFingerprints() ? s.collisions() : null)
                : null;
        dfs = null;
        stateful = null;
        List<Outcome> outs = new ArrayList<>();
        outcomes.forEach((k, o) -> outs.add(new Outcome(o.text, (Integer) k.get(1), o.count, Schedule.format(o.schedule))));
        List<Violation> vs = new ArrayList<>();
        Shrinker shrinker = new Shrinker(program, opt.cancels(), opt.maxSteps());
        violations.forEach((cause, v) -> {
            Found f = shrinker.shrink(new Found(kindOf(cause), cause, v.text, v.schedule));
            vs.add(new Violation(f.kind(), f.message(), Schedule.format(f.schedule()), v.count, cause));
        });
        List<Violation> bs = new ArrayList<>();
        bounds.forEach((cause, v) -> bs.add(new Violation("bound", v.text, Schedule.format(Shrinker.trimmed(v.schedule)), v.count, cause)));
        dropFound(); // the report holds it: an explorer kept after its search holds nothing more
        return new Report(opt.strategy().name().toLowerCase(Locale.ROOT), bound == null, bound, schedules, states, steps, outs,
                vs, visited, bs, reduction);
    }

    // ------------------------------------------------------------------ strategies

    /**
     * The exhaustive search. With reduction and without a goal, {@link SourceDpor} first,
     * within {@link Options#dporBudget} schedules (and {@code --max-schedules}); if it has not
     * finished by then, what it found is dropped and the search with sleep sets and state
     * caching ({@link StatefulSearch}) runs instead. Both are complete, so they find the same
     * outcomes and violations; which one reports depends only on the schedule count, never on
     * time or threads.
     */
    private void exhaustive() {
        if (opt.reduce() && goal == null && opt.dporBudget() > 0) {
            reduction = "dpor";
            long budget = Math.min(opt.dporBudget(), opt.maxSchedules());
            if (withBatchesIfNeeded(blind -> search(new SourceDpor(blind, this::checkTime), budget, opt.dporBudget()))) return;
            if (opt.progress()) opt.progressOut().println("explore: DPOR would take more than " + budget + " schedules (judged after "
                    + schedules + "): searching again with sleep sets and state caching");
            forget();
        }
        reduction = opt.reduce() ? "sleep-sets" : "none";
        if (goal == null && opt.cache()) {
            withBatchesIfNeeded(this::stateful);
            return;
        }
        withBatchesIfNeeded(blind -> search(new SleepSetDfs(opt.reduce(), opt.cache(), opt.checkFingerprints(), blind, goal,
                this::checkTime), Long.MAX_VALUE, Long.MAX_VALUE));
    }

    /**
     * Runs a search batch-blind first (see {@link SleepSetDfs}, unless the options say
     * otherwise); if the split of the ready queue into batches turns out to matter, everything
     * found is dropped and the search starts again with batches. The search is given whether
     * it is batch-blind, and says whether it finished.
     */
    private boolean withBatchesIfNeeded(java.util.function.Predicate<Boolean> search) {
        try {
            return search.test(opt.batchBlind());
        } catch (SleepSetDfs.BatchMatters e) {
            if (opt.progress()) opt.progressOut().println("explore: where loop iterations end matters here (found after " + schedules
                    + " schedules): searching again with batches");
            forget();
            return search.test(false);
        }
    }

    /** The search with state caching on every core ({@link StatefulSearch}): whether it finished. */
    private boolean stateful(boolean blind) {
        StatefulSearch.Sink sink = new StatefulSearch.Sink() {
            @Override public void violation(Monitors.Breach v, StatefulSearch.Trail trail) {
                record(violations, new Found(v.kind(), v.cause(), v.message(), trail.toList()), null);
            }

            @Override public boolean leaf(Runner.Result res, List<Object> outcome, Machine m, StatefulSearch.Trail trail) {
                schedules++;
                if (res != null) ended(res, outcome, m, trail::toList);
                progress();
                if (schedules < opt.maxSchedules()) return true;
                bound = "max-schedules";
                return false;
            }

            @Override public void steps(long n) { steps += n; }

            @Override public void tick() { checkTime(); }

            @Override public StatefulSearch.Sink part(boolean searchThread) { return new Part(searchThread); }

            @Override public void append(StatefulSearch.Sink part, long leaves) {
                Part whole = (Part) part;
                partLeaves.addAndGet(-whole.shared); // counted in the report from now on
                Part p = leaves <= whole.schedules ? whole.upTo((int) leaves) : whole; // cut: not what came after its last run
                schedules += p.schedules;
                steps += p.steps;
                Explorer.append(outcomes, p.outcomes, false);
                Explorer.append(violations, p.violations, true);
                Explorer.append(bounds, p.bounds, true);
                if (!p.bounds.isEmpty()) bound = "max-steps";
                if (schedules >= opt.maxSchedules()) bound = "max-schedules";
            }
        };
        try {
            try {
                return stateful(blind, opt.threads(), sink);
            } catch (StatefulSearch.Redo r) {
                if (opt.progress()) opt.progressOut().println("explore: the search on several threads cannot tell exactly where"
                        + " --max-schedules stops it: searching again on one thread");
                forget();
                return stateful(blind, 1, sink);
            }
        } catch (TimeUp t) {
            bound = "time-limit";
            return false;
        } catch (MemoryLow l) {
            outOfMemory();
            return false;
        }
    }

    /** The search with state caching on {@code threads} threads, reporting to {@code sink}: whether it finished. */
    private boolean stateful(boolean blind, int threads, StatefulSearch.Sink sink) {
        try (StatefulSearch search = new StatefulSearch(opt.reduce(), opt.checkFingerprints(), threads, blind, opt.cancels(),
                opt.maxSchedules(), sink)) {
            stateful = search;
            return search.search(Runner.start(program, opt.maxSteps(), new Monitors()));
        }
    }

    /** Runs counted by the parts of a search on several threads, in all, for the progress line ({@link Part}). */
    private final java.util.concurrent.atomic.AtomicLong partLeaves = new java.util.concurrent.atomic.AtomicLong();

    /**
     * What a stretch of a search on several threads found ({@link StatefulSearch}), counted
     * apart on the thread that explores it and added to the report in the search's order
     * ({@link StatefulSearch.Sink#append}), whole or cut after one of its runs ({@link #upTo}):
     * so it keeps when each count was made, up to run {@link StatefulSearch#LOGGED}.
     */
    private final class Part implements StatefulSearch.Sink {
        final Map<List<Object>, Seen> outcomes = new LinkedHashMap<>();
        final Map<String, Seen> violations = new LinkedHashMap<>();
        final Map<String, Seen> bounds = new LinkedHashMap<>();
        long schedules;
        long steps;
        /** The steps counted up to each run. */
        private long[] stepsAt = new long[16];
        /** The run (from 1) up to which what is counted now is counted. */
        private int stamp = 1;
        /** Whether the search's own thread counts here (it alone shows progress). */
        final boolean searchThread;

        Part(boolean searchThread) { this.searchThread = searchThread; }

        /** A part's figures are kept up to this run. */
        private boolean logged() { return schedules < StatefulSearch.LOGGED; }

        void counted(Seen s) {
            if (!logged()) return;
            if (s.stamps == null) s.stamps = new int[4];
            if (s.stamped == s.stamps.length) s.stamps = Arrays.copyOf(s.stamps, s.stamped * 2);
            s.stamps[s.stamped++] = stamp;
        }

        void shown(Seen s) {
            if (!logged()) return;
            if (s.shown == null) s.shown = new ArrayList<>(2);
            s.shown.add(new Shown(stamp, s.text, s.schedule));
        }

        @Override public void violation(Monitors.Breach v, StatefulSearch.Trail trail) {
            record(violations, new Found(v.kind(), v.cause(), v.message(), trail.toList()), this);
        }

        @Override public boolean leaf(Runner.Result res, List<Object> outcome, Machine m, StatefulSearch.Trail trail) {
            schedules++;
            if (res != null) ended(outcomes, violations, bounds, res, outcome, m, trail::toList, this);
            if (logged()) {
                if (schedules > stepsAt.length) stepsAt = Arrays.copyOf(stepsAt, stepsAt.length * 2);
                stepsAt[(int) schedules - 1] = steps;
            }
            stamp = (int) Math.min(schedules + 1, Integer.MAX_VALUE);
            if (++unshared == 256) {
                unshared = 0;
                shared += 256;
                partLeaves.addAndGet(256);
            }
            if (searchThread) progress();
            return true;
        }

        /** Runs counted here and not yet added to {@link #partLeaves}; those added. */
        private int unshared;
        private long shared;
        /** Steps since the bounds were last checked. */
        private int ticks;

        @Override public void steps(long n) { steps += n; }

        @Override public void tick() {
            if ((++ticks & 1023) == 0) checkBounds();
        }

        /** What this part had counted at its run {@code k} (from 1, at most {@link StatefulSearch#LOGGED}), as if it had stopped there. */
        Part upTo(int k) {
            Part p = new Part(false);
            p.schedules = k;
            p.steps = stepsAt[k - 1];
            upTo(outcomes, p.outcomes, k);
            upTo(violations, p.violations, k);
            upTo(bounds, p.bounds, k);
            return p;
        }

        private static <K> void upTo(Map<K, Seen> from, Map<K, Seen> into, int k) {
            from.forEach((key, s) -> {
                if (s.stamps == null) return; // first counted past the runs kept
                int lo = 0, hi = s.stamped; // the stamps only grow: how many are at most k
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (s.stamps[mid] <= k) lo = mid + 1;
                    else hi = mid;
                }
                int n = lo;
                if (n == 0) return;
                Shown shown = null;
                for (Shown w : s.shown) if (w.stamp() <= k) shown = w;
                Seen t = new Seen(shown.text(), shown.schedule());
                t.count = n;
                into.put(key, t);
            });
        }

        @Override public StatefulSearch.Sink part(boolean searchThread) { throw new UnsupportedOperationException(); }

        @Override public void append(StatefulSearch.Sink part, long leaves) { throw new UnsupportedOperationException(); }
    }

    /** The search with state caching, while it runs or after (its figures for the report). */
    private StatefulSearch stateful;

    /** The states the exhaustive search counts so far: the search with state caching's, else the depth-first search's. */
    private long searchStates() { return stateful != null ? stateful.states() : dfs.states(); }

    /** Drops the outcomes, violations and bounds found, with the tables that held them. */
    private void dropFound() {
        outcomes = new LinkedHashMap<>();
        violations = new LinkedHashMap<>();
        bounds = new LinkedHashMap<>();
    }

    /** Drops what a search found, before another starts. */
    private void forget() {
        dropFound();
        schedules = 0;
        steps = 0;
        bound = null;
        partLeaves.set(0);
    }

    /**
     * Runs the depth-first search {@code d} to its end or a bound; false when it stopped at
     * {@code budget} schedules, or as soon as the moves it has still to take at the choice
     * points of its path ({@link DepthFirst#frontier}), each the start of a run of its own, say
     * that it would need more, or, at {@link #RUNS_PER_MOVE_LEFT} runs each, more than
     * {@code likely} (DPOR's budget).
     */
    private boolean search(DepthFirst d, long budget, long likely) {
        dfs = d;
        Recorder next = new Recorder(List.of(), dfs, opt.cancels(), null);
        next.runner = Runner.start(program, opt.maxSteps(), new Monitors());
        try {
            while (true) {
                if (schedules >= budget) return false;
                if (outOfBudget()) return true;
                Recorder r = run(next);
                if (r == null) return true;
                next = dfs.backtrack(r);
                if (next == null) return true;
                if (budget == Long.MAX_VALUE && likely == Long.MAX_VALUE) continue;
                long left = dfs.frontier();
                if (schedules + 1 + left > budget || schedules + 1 + RUNS_PER_MOVE_LEFT * left > likely) return false;
            }
        } finally {
            dfs.close();
        }
    }

    private void sampled(boolean pct) {
        SplittableRandom master = new SplittableRandom(opt.seed());
        int estimate = Math.max(1, runOnce(List.of(), (m, ready, c, r) -> 0) == null ? 1 : (int) Math.max(1, steps));
        while (!outOfBudget()) {
            SplittableRandom rnd = master.split();
            Recorder.Policy p = pct ? new Pct(rnd, opt.depth(), estimate) : (m, ready, cancellable, r) -> {
                checkTime();
                if (cancellable > 0 && rnd.nextInt(8) == 0) return ready + rnd.nextInt(cancellable);
                return rnd.nextInt(ready);
            };
            if (runOnce(List.of(), p) == null) return;
        }
    }

    /** PCT: the ready handle of the highest-priority task runs; priorities drop at d-1 random steps. */
    private final class Pct implements Recorder.Policy {
        final SplittableRandom rnd;
        final Map<Object, Double> priority = new HashMap<>();
        final int[] changeAt;
        int step;

        Pct(SplittableRandom rnd, int depth, int estimate) {
            this.rnd = rnd;
            changeAt = new int[Math.max(0, depth - 1)];
            for (int i = 0; i < changeAt.length; i++) changeAt[i] = 1 + rnd.nextInt(estimate);
        }

        @Override public int decide(Machine m, int ready, int cancellable, Recorder r) {
            checkTime();
            step++;
            if (cancellable > 0 && rnd.nextInt(16) == 0) return ready + rnd.nextInt(cancellable);
            int best = 0;
            double bestP = -1;
            for (int i = 0; i < ready; i++) {
                double p = priority.computeIfAbsent(owner(m.peekReady(i)), k -> changeAt.length + 1 + rnd.nextDouble());
                if (p > bestP) { bestP = p; best = i; }
            }
            for (int i = 0; i < changeAt.length; i++) {
                if (changeAt[i] == step) priority.put(owner(m.peekReady(best)), (double) (i + 1) / (changeAt.length + 1));
            }
            return best;
        }

        private Object owner(Machine.Callback cb) {
            if (cb.fn() instanceof Machine.TaskStep ts) return ts.task();
            if (cb.fn() instanceof Machine.TaskWakeup tw) return tw.task();
            return cb;
        }
    }

    // ------------------------------------------------------------------ one run

    /** Runs once from the start; null when exploration must stop (time limit). */
    private Recorder runOnce(List<Decision> prefix, Recorder.Policy policy) {
        Recorder r = new Recorder(prefix, policy, opt.cancels(), null);
        r.runner = Runner.start(program, opt.maxSteps(), new Monitors());
        return run(r);
    }

    /** Runs {@code r}'s run to its end (it may resume a copy of an earlier run); null when exploration must stop. */
    private Recorder run(Recorder r) {
        Runner.Result res;
        int before = r.runner.steps();
        try {
            res = r.runner.resume(r);
        } catch (TimeUp t) {
            bound = "time-limit";
            return null;
        } catch (MemoryLow l) {
            outOfMemory();
            return null;
        }
        schedules++;
        steps += res.steps() - before;
        if (goal != null && (r.reachedEarly || !res.cut() && goal.reached(res, r.taken))) {
            reached = List.copyOf(r.taken);
            return null;
        }
        for (Found f : r.found) record(violations, f, null);
        ended(res, outcome(res), r.runner.machine(), () -> r.taken);
        progress();
        return r;
    }

    /**
     * What tells a run's outcome from another's: its output with addresses masked, and its exit
     * code (the output's hash computed and cached already, so that the thread that made the run
     * pays for reading it).
     */
    static List<Object> outcome(Runner.Result res) {
        List<Object> key = List.of(Lockstep.maskAddresses(res.stdout()), res.exit());
        key.hashCode();
        return key;
    }

    /**
     * A run ended ({@code res}, its {@link #outcome}; nothing when it was cut) after
     * {@code schedule}: its outcome, and its end as a violation or a bound.
     */
    private void ended(Runner.Result res, List<Object> key, Machine m, java.util.function.Supplier<List<Decision>> schedule) {
        if (ended(outcomes, violations, bounds, res, key, m, schedule, null)) bound = "max-steps";
    }

    /** As above, into the maps given ({@code log}: see {@link #count}): true when the run was cut at {@code --max-steps}. */
    private static boolean ended(Map<List<Object>, Seen> outcomes, Map<String, Seen> violations, Map<String, Seen> bounds,
                                 Runner.Result res, List<Object> key, Machine m, java.util.function.Supplier<List<Decision>> schedule,
                                 Part log) {
        if (res.cut()) return false;
        if (res.exit() == 4) {
            record(bounds, cutAt(m, lastLine(res.stderr()), schedule.get()), log);
            return true;
        }
        count(outcomes, key, res.stdout(), schedule, false, log);
        if (res.exit() == 3 || res.exit() == 1) record(violations, ending(res, schedule.get()), log);
        return false;
    }

    /**
     * Adds what a later part of the search counted: an outcome keeps the first schedule, a
     * violation or a bound the shortest (the earlier on a tie), as if counted one by one.
     */
    private static <K> void append(Map<K, Seen> into, Map<K, Seen> later, boolean shortest) {
        later.forEach((k, s) -> {
            Seen had = into.get(k);
            if (had == null) {
                into.put(k, had = new Seen(s.text, s.schedule));
            } else if (shortest && shorter(s.schedule, had.schedule)) {
                had.text = s.text;
                had.schedule = s.schedule;
            }
            had.count += s.count;
        });
    }

    /** Counts a violation under its cause, keeping the shortest schedule that shows it ({@link #shorter}; {@code log}: see {@link #count}). */
    private static void record(Map<String, Seen> into, Found f, Part log) {
        count(into, f.cause(), f.message(), f::schedule, true, log);
    }

    /**
     * The order of counterexamples: fewer deviations from CPython's own order (decisions other
     * than 0, an injected cancel included), then fewer decisions once the trailing 0s are dropped.
     */
    static boolean shorter(List<Decision> a, List<Decision> b) {
        long da = deviations(a), db = deviations(b);
        if (da != db) return da < db;
        return Shrinker.trimmed(a).size() < Shrinker.trimmed(b).size();
    }

    static long deviations(List<Decision> s) { return s.stream().filter(d -> !d.equals(Decision.HEAD)).count(); }

    /** A run's end as a violation: a deadlock (its cause: what each task waits on, without task names or addresses) or an escaping exception. */
    static Found ending(Runner.Result res, List<Decision> schedule) {
        if (res.exit() == 3) {
            String msg = deadlockMessage(res.stderr());
            return new Found("deadlock", "deadlock " + new TreeSet<>(List.of(deadlockCause(msg).split("; "))), msg, schedule);
        }
        if (res.exit() == 1) {
            String last = lastLine(res.stderr());
            return new Found("exception", "exception " + last.replaceAll(":.*", ""), last, schedule);
        }
        return null;
    }

    /**
     * A schedule cut at a bound, with what each pending task was doing then. One cause per
     * bound: where a runaway schedule is cut depends on the schedule, so its tasks do not name it.
     */
    private static Found cutAt(Machine m, String why, List<Decision> schedule) {
        String bound = why.replace("step limit exceeded: ", "");
        StringBuilder sb = new StringBuilder("cut at --max-steps (" + bound + ")");
        for (int t : m.pendingTasks()) sb.append("; ").append(TaskView.describe(m, t));
        return new Found("bound", "bound " + bound, sb.toString(), schedule);
    }

    /** A deadlock message without the tasks' names and the primitives' states and addresses. */
    private static String deadlockCause(String msg) {
        return msg.replaceAll("\\bTask-\\d+ ", "").replaceAll("<([\\w.]+) object at [^>]*>", "<$1>");
    }

    private static String kindOf(String cause) { return cause.substring(0, cause.indexOf(' ')); }

    static String deadlockMessage(String stderr) {
        String[] lines = stderr.strip().split("\n");
        StringBuilder sb = new StringBuilder("no task can make progress");
        for (int i = 1; i < lines.length; i++) sb.append("; ").append(lines[i]);
        return sb.toString();
    }

    static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }

    // ------------------------------------------------------------------ bounds and progress

    private static final class TimeUp extends RuntimeException {
        TimeUp() { super(null, null, false, false); }
    }

    private boolean outOfBudget() {
        if (schedules >= opt.maxSchedules()) { bound = "max-schedules"; return true; }
        if (elapsed() > opt.timeLimitSeconds()) { bound = "time-limit"; return true; }
        return false;
    }

    private int timeCheck;

    /** Every 1024 decisions: the time limit, and the memory left (see {@link #MEMORY_BOUND}). */
    private void checkTime() {
        if ((++timeCheck & 1023) == 0) checkBounds();
    }

    /** Stops the search when the time limit is reached or memory is low (any thread may ask). */
    private void checkBounds() {
        if (elapsed() > opt.timeLimitSeconds()) throw new TimeUp();
        if (memoryLow()) throw new MemoryLow();
    }

    /**
     * The search stops (bound {@code memory}) once the heap is this full right after a
     * garbage collection: what is left is needed to shrink counterexamples and write the report.
     */
    static final double MEMORY_BOUND = 0.85;

    private static final List<java.lang.management.MemoryPoolMXBean> HEAP_POOLS =
            java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.isCollectionUsageThresholdSupported()
                            && (p.getName().contains("Old") || p.getName().contains("Tenured")))
                    .toList();

    /** Whether the old generation is above {@link #MEMORY_BOUND} of its maximum after its last collection (a survivor space may well be full). */
    private static boolean memoryLow() {
        for (java.lang.management.MemoryPoolMXBean p : HEAP_POOLS) {
            java.lang.management.MemoryUsage u = p.getCollectionUsage();
            long max = u == null ? -1 : u.getMax() > 0 ? u.getMax() : Runtime.getRuntime().maxMemory();
            if (u != null && u.getUsed() > MEMORY_BOUND * max) return true;
        }
        return false;
    }

    private static final class MemoryLow extends RuntimeException {
        MemoryLow() { super(null, null, false, false); }
    }

    /** The search ran out of memory: what it holds is let go, and the report says so. */
    private void outOfMemory() {
        bound = "memory";
        if (opt.progress()) opt.progressOut().println("explore: stopped: the heap is full (raise -Xmx to search further)");
    }

    private double elapsed() { return (System.nanoTime() - started) / 1e9; }

    private void progress() {
        if (!opt.progress()) return;
        long now = System.nanoTime();
        if (now - lastProgress < 1_000_000_000L) return;
        lastProgress = now;
        double secs = elapsed();
        long states = opt.strategy() != Strategy.EXHAUSTIVE ? steps : searchStates();
        String frontier = stateful == null && dfs == null ? ""
                : String.format(Locale.ROOT, ", frontier %d", stateful != null ? stateful.frontier() : dfs.frontier());
        opt.progressOut().printf(Locale.ROOT, "explore: %d schedules, %d states, %.0f states/s, %d steps%s, %.0fs%n",
                schedules + partLeaves.get(), states, states / Math.max(secs, 1e-9), steps, frontier, secs);
    }
}
