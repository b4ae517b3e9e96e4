package lockstep.bench;

import lockstep.Lockstep;
import lockstep.explore.Explorer;
import lockstep.sched.Runner;
import lockstep.vm.Program;

import lockstep.explore.ReportWriter;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * The lockstep side of the benchmark: exhaustive search, plain FIFO runs and random
 * search of one scenario, each timed with {@link System#nanoTime()} in this JVM, on one
 * thread, after an untimed warm-up of the same work.
 */
final class Measure {
    private Measure() {}

    /** How many things (steps, schedules, runs) were done in how many seconds. */
    record Rate(long count, double seconds) {
        double perSecond() { return count / seconds; }
    }

    /**
     * One exhaustive search. {@code schedules}, {@code states} and {@code bytesPerState}
     * are null when the search died (out of memory); {@code bytesPerState} also when no
     * state was counted.
     */
    record Exhaustive(Long schedules, Long states, double seconds, Double bytesPerState, String complete, int timedRuns) {
        Exhaustive(Long schedules, Long states, double seconds, Double bytesPerState, String complete) {
            this(schedules, states, seconds, bytesPerState, complete, 1);
        }

        Double statesPerSecond() { return states == null ? null : states / seconds; }

        /** The same figures, picked out of {@code n} timed runs. */
        Exhaustive outOf(int n) { return new Exhaustive(schedules, states, seconds, bytesPerState, complete, n); }
    }

    /**
     * Exhaustive search (the explorer's defaults: reduction and state caching) with at most
     * {@code cancels} injected cancels, stopped at {@code seconds}, timed after it ran untimed
     * (stopped after {@code warmupSchedules}) for at least {@code warmSeconds}: a search of a few
     * milliseconds run once leaves the JIT compiling its code while it is timed. Bytes per state: what the
     * visited set took when the search ended (the report's {@code visited}); without one, what
     * the same search retains, measured in a run of its own ({@link #retainedPerState}).
     */
    static Exhaustive exhaustive(Program p, int cancels, int maxSteps, double seconds, long warmupSchedules, double warmSeconds,
                                 double repeatSeconds) {
        long t0 = System.nanoTime();
        do {
            explorer(p, cancels, warmupSchedules, maxSteps, seconds, 1).explore();
        } while (elapsed(t0) < warmSeconds);
        List<Search> runs = new ArrayList<>(List.of(timed(p, cancels, maxSteps, seconds, 1)));
        while (runs.size() < REPEATS && runs.get(0).report() != null && runs.get(0).report().complete()
                && runs.stream().mapToDouble(r -> r.exhaustive().seconds()).sum() < repeatSeconds) {
            runs.add(batch(p, cancels, maxSteps, seconds, runs.get(0)));
        }
        return median(runs).exhaustive().outOf(runs.size());
    }

    /**
     * A complete search of less than {@link #BATCH_SECONDS} is timed again as a batch of
     * searches back to back that takes about that long, and its seconds are the batch's
     * divided by the searches in it: one search of a tenth of a millisecond, timed alone,
     * shows the timer and the machine's jitter more than the search (explore/01 without
     * cancels: 0.11 to 0.28 ms for one, 0.07 ms each in a batch). A longer one is timed alone.
     */
    private static Search batch(Program p, int cancels, int maxSteps, double seconds, Search first) {
        double once = first.exhaustive().seconds();
        if (once >= BATCH_SECONDS) return timed(p, cancels, maxSteps, seconds, 1);
        int n = (int) Math.min(100_000, Math.ceil(BATCH_SECONDS / Math.max(once, 1e-6)));
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            explorer(p, cancels, Long.MAX_VALUE, maxSteps, seconds, 1).explore();
        }
        Exhaustive e = first.exhaustive();
        return new Search(new Exhaustive(e.schedules(), e.states(), elapsed(t0) / n, e.bytesPerState(), e.complete()), first.report());
    }

    /** A complete search shorter than this is timed again in batches ({@link #batch}). */
    static final double BATCH_SECONDS = 0.05;

    /**
     * A complete exhaustive search that took less than the {@code repeatSeconds} of {@link #exhaustive}
     * is timed again, up to this many times in all: a search of a fraction of a second is then
     * not judged by one run, on a machine where one run's speed can drift by a third.
     */
    static final int REPEATS = 5;

    /** The run of median time (the upper one of an even number). */
    private static Search median(List<Search> runs) {
        List<Search> byTime = new ArrayList<>(runs);
        byTime.sort(java.util.Comparator.comparingDouble(x -> x.exhaustive().seconds()));
        return byTime.get(byTime.size() / 2);
    }

    /** An exhaustive search's figures, and its report (null when it ran out of memory). */
    private record Search(Exhaustive exhaustive, Explorer.Report report) {}

    /**
     * {@link #exhaustive} with {@code threads} threads, after an untimed warm-up: the same search,
     * stopped after {@code warmupSchedules} schedules or {@code warmSeconds} (so that a search
     * of a few seconds is timed with the JIT's code for it, as a long one runs).
     */
    private static Search search(Program p, int cancels, int maxSteps, double seconds, long warmupSchedules, double warmSeconds,
                                 int threads) {
        explorer(p, cancels, warmupSchedules, maxSteps, warmSeconds, threads).explore();
        return timed(p, cancels, maxSteps, seconds, threads);
    }

    /**
     * One timed exhaustive search (see {@link #exhaustive}). The heap is not collected before
     * it: a search of a millisecond run just after System.gc() took up to ten times as long
     * (explore/01 without cancels: 0.40 ms against 0.04 ms), which says nothing about the search.
     * A report without a visited set has its bytes per state measured in a run of its own.
     */
    private static Search timed(Program p, int cancels, int maxSteps, double seconds, int threads) {
        long t0 = System.nanoTime();
        try {
            Explorer.Report r = explorer(p, cancels, Long.MAX_VALUE, maxSteps, seconds, threads).explore();
            double s = elapsed(t0);
            Double perState = r.visited() != null ? Double.valueOf(r.visited().bytesPerState())
                    : r.states() > 0 ? retainedPerState(p, cancels, maxSteps, seconds, threads) : null;
            return new Search(new Exhaustive(r.schedules(), r.states(), s, perState, r.complete() ? "yes" : "no (" + r.bound() + ")"), r);
        } catch (OutOfMemoryError e) {
            double s = elapsed(t0);
            usedAfterGc();
            return new Search(new Exhaustive(null, null, s, null, "no (out of memory)"), null);
        }
    }

    /**
     * The used heap after {@link #usedAfterGc()} with the Explorer still reachable once explore()
     * returned, minus the same before it was made, divided by the states counted.
     */
    private static Double retainedPerState(Program p, int cancels, int maxSteps, double seconds, int threads) {
        long before = usedAfterGc();
        Explorer explorer = explorer(p, cancels, Long.MAX_VALUE, maxSteps, seconds, threads);
        Explorer.Report r = explorer.explore();
        long retained = usedAfterGc() - before;
        Reference.reachabilityFence(explorer);
        return r.states() > 0 ? Math.max(0, retained) / (double) r.states() : null;
    }

    /**
     * The same exhaustive search with {@code threads} threads, run {@code seconds.size()} times:
     * the run of median time, the JSON report it gave (null: out of memory), and every run's seconds.
     */
    record Threaded(int threads, Exhaustive search, String json, List<Double> seconds) {}

    /**
     * The same exhaustive search with each number of threads in turn, each after an untimed
     * warm-up search with that many threads, so that the speed-up of more threads can be read
     * off (and the reports compared: they must be the same JSON). First, the whole search runs
     * once untimed with each number of threads (up to the time limit), so that the JIT has
     * compiled what a long search runs, as for an exhaustive cell: with only the short warm-ups,
     * the first timed run was at times half as slow again as the others. The numbers of threads take
     * turns, {@code rounds} times: on a shared machine the speed of one run can drift by a
     * third, and the median of runs interleaved this way is what one can compare.
     */
    static List<Threaded> threads(Program p, String file, int cancels, int maxSteps, double seconds, long warmupSchedules,
                                  List<Integer> counts, int rounds) {
        for (int n : counts) explorer(p, cancels, Long.MAX_VALUE, maxSteps, seconds, n).explore();
        List<List<Search>> runs = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) runs.add(new ArrayList<>());
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < counts.size(); i++) {
                runs.get(i).add(search(p, cancels, maxSteps, seconds, warmupSchedules, Math.min(1, seconds), counts.get(i)));
            }
        }
        List<Threaded> out = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            Search median = median(runs.get(i));
            List<Double> secs = runs.get(i).stream().map(x -> x.exhaustive().seconds()).toList();
            out.add(new Threaded(counts.get(i), median.exhaustive(), median.report() == null ? null : ReportWriter.json(file, median.report()),
                    secs));
        }
        return out;
    }

    /**
     * Untimed: plain runs, a random search with a cancel, and exhaustive searches with each of
     * {@code cancels}, a third of {@code seconds} each, so that the JIT has compiled the
     * interpreter and the explorer before anything is timed. The exhaustive searches matter:
     * the compiler works on the search's code for about 5 s of searching, and without them the
     * first cells timed (explore/01, 02) showed half their speed (explore/01 --cancel 1:
     * 0.21-0.27 ms a search 3 s into searching, 0.36-0.39 ms after 3 s more).
     */
    static void warmUp(Program p, int maxSteps, double seconds, List<Integer> cancels) {
        long t0 = System.nanoTime();
        while (elapsed(t0) < seconds / 3) Runner.run(p, Runner.Chooser.FIFO, Lockstep.MAX_HANDLES);
        new Explorer(p, options(Explorer.Strategy.RANDOM, 3, 1, Long.MAX_VALUE, maxSteps, seconds / 3)).explore();
        long t1 = System.nanoTime();
        for (int i = 0; elapsed(t1) < seconds / 3; i++) {
            explorer(p, cancels.get(i % cancels.size()), Long.MAX_VALUE, maxSteps, Math.max(0.001, seconds / 3 - elapsed(t1)), 1).explore();
        }
    }

    /** Runs in CPython's own order (no exploration), again and again: the interpreter's speed, in handles run. */
    static Rate fifo(Program p, double warmSeconds, double seconds) {
        long w = System.nanoTime();
        while (elapsed(w) < warmSeconds) Runner.run(p, Runner.Chooser.FIFO, Lockstep.MAX_HANDLES);
        List<Rate> slices = new ArrayList<>();
        for (int i = 0; i < FIFO_SLICES; i++) {
            long steps = 0;
            long t0 = System.nanoTime();
            do {
                steps += Runner.run(p, Runner.Chooser.FIFO, Lockstep.MAX_HANDLES).steps();
            } while (elapsed(t0) < seconds / FIFO_SLICES);
            slices.add(new Rate(steps, elapsed(t0)));
        }
        slices.sort(java.util.Comparator.comparingDouble(Rate::perSecond));
        return slices.get(FIFO_SLICES / 2);
    }

    /**
     * FIFO runs are timed in this many slices of equal time, one after the other, and the slice
     * of median speed is shown: one pause of the machine (this one's cores are shared) then
     * moves the figure no more than any other slice would.
     */
    static final int FIFO_SLICES = 10;

    /** {@code explore --strategy random --seed 1 --cancel K}: up to {@code schedules} schedules, in schedules. */
    static Rate random(Program p, int cancels, int maxSteps, long schedules, double warmSeconds, double seconds) {
        new Explorer(p, options(Explorer.Strategy.RANDOM, 2, cancels, Long.MAX_VALUE, maxSteps, warmSeconds)).explore();
        long t0 = System.nanoTime();
        Explorer.Report r = new Explorer(p, options(Explorer.Strategy.RANDOM, 1, cancels, schedules, maxSteps, seconds)).explore();
        return new Rate(r.schedules(), elapsed(t0));
    }

    /** An exhaustive search (the explorer's defaults) of {@code p}, made, not run. */
    private static Explorer explorer(Program p, int cancels, long maxSchedules, int maxSteps, double seconds, int threads) {
        return new Explorer(p, options(Explorer.Strategy.EXHAUSTIVE, 0, cancels, maxSchedules, maxSteps, seconds, threads));
    }

    private static Explorer.Options options(Explorer.Strategy s, long seed, int cancels, long maxSchedules, int maxSteps,
                                            double seconds) {
        return options(s, seed, cancels, maxSchedules, maxSteps, seconds, 1);
    }

    private static Explorer.Options options(Explorer.Strategy s, long seed, int cancels, long maxSchedules, int maxSteps,
                                            double seconds, int threads) {
        return new Explorer.Options(s, seed, 3, cancels, maxSchedules, maxSteps, seconds, false, System.err, true, true, false, threads);
    }

    /** The used heap after full collections, the least of a few (a collection may leave some garbage). */
    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, rt.totalMemory() - rt.freeMemory());
        }
        return least;
    }

    static double elapsed(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
