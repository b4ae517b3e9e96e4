package lockstep.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lockstep.sched.Runner;
import lockstep.vm.Machine;
import lockstep.vm.Program;
import org.junit.jupiter.api.Test;

/**
 * {@code --threads}: the search hands subtrees below a print over to other threads as parts
 * ({@link StatefulSearch}). They are handed over (else {@link ThreadsTest} would compare one
 * thread with itself), and a bound reached in a part stops the search as on one thread.
 */
class PartsTest {

    /** Parts start at once, as in a JVM whose compiler has done its first work ({@link JitQuiet}). */
    @org.junit.jupiter.api.BeforeAll
    static void compilerQuiet() { JitQuiet.assumeQuiet(); }

    static Program program(String name) throws Exception {
        Path f = Path.of("model", name + ".py");
        return Program.compile(f.toString(), Files.readString(f));
    }

    /** Counts runs; a part's count is added when it is appended. */
    static final class Count implements StatefulSearch.Sink {
        /** Where the search's own sink stops it (--max-schedules). */
        final long max;
        long leaves;
        long steps;
        /** The runs counted, in order (a hash of each one's decisions). */
        final List<Integer> runs = new java.util.ArrayList<>();
        /** The steps counted up to each run. */
        final List<Long> stepsAt = new java.util.ArrayList<>();

        @Override public void violation(Monitors.Breach v, StatefulSearch.Trail trail) { }

        @Override public boolean leaf(Runner.Result res, List<Object> outcome, Machine m, StatefulSearch.Trail trail) {
            leaves++;
            runs.add(trail.toList().hashCode());
            stepsAt.add(steps);
            return leaves < max;
        }

        @Override public void steps(long n) { steps += n; }

        @Override public void tick() { }

        Count(long max) { this.max = max; }

        @Override public StatefulSearch.Sink part(boolean searchThread) { return new Count(Long.MAX_VALUE); }

        @Override public void append(StatefulSearch.Sink part, long upTo) {
            Count c = (Count) part;
            int k = (int) Math.min(upTo, c.leaves);
            for (int i = 0; i < k; i++) stepsAt.add(steps + c.stepsAt.get(i));
            runs.addAll(c.runs.subList(0, k));
            leaves += k;
            steps += upTo <= c.leaves ? c.stepsAt.get(k - 1) : c.steps; // a cut: not the steps after its last run
        }
    }

    /** What a search of bench/01 with {@code cancels} counted on {@code threads} threads, and how it went. */
    record Searched(Count count, long states, long bytes, long handedOver, boolean complete, boolean cutApart) {}

    static Searched search(int threads, int cancels) throws Exception {
        Searched s = search(threads, cancels, Long.MAX_VALUE);
        assertTrue(s.complete());
        return s;
    }

    /** As above, stopped at run {@code max} (--max-schedules). */
    static Searched search(int threads, int cancels, long max) throws Exception {
        return search(threads, cancels, max, StatefulSearch.LOGGED);
    }

    /** As above, each stretch of the order keeping the figures of its first {@code logged} runs. */
    static Searched search(int threads, int cancels, long max, int logged) throws Exception {
        Count c = new Count(max);
        try (StatefulSearch s = new StatefulSearch(true, false, threads, false, cancels, max, logged, c)) {
            boolean complete = s.search(Runner.start(program("bench/01_semaphore_four_tasks_print"), 10_000, new Monitors()));
            return new Searched(c, s.states(), s.visitedBytes(), s.partsHandedOver(), complete, s.cutApart());
        }
    }

    /** The same states, visited set's bytes, runs (in the same order) and steps as on one thread. */
    static void assertSame(Searched one, Searched two) {
        assertEquals(one.complete(), two.complete());
        assertEquals(one.states(), two.states());
        assertEquals(one.bytes(), two.bytes());
        assertEquals(one.count().stepsAt, two.count().stepsAt);
        assertEquals(one.count().leaves, two.count().leaves);
        assertEquals(one.count().steps, two.count().steps);
        assertEquals(one.count().runs, two.count().runs);
    }

    /** A search of 45,194 states whose runs print from their first step is split into parts, and counts what one thread counts. */
    @Test
    void runsThatPrintEarlyAreSplitIntoParts() throws Exception {
        Searched two = search(2, 0);
        assertTrue(two.handedOver() > 0, "no part handed over in " + two.states() + " states");
        assertSame(search(1, 0), two);
    }

    /**
     * Stopped at --max-schedules, two threads stop after the run where one does, with the same
     * states and bytes: bounds that fall in the search's own counting, in parts, and at the last
     * run (45,194 states, 33,532 runs), with parts handed over.
     */
    @Test
    void theScheduleBoundCutsTheOrderWhereOneThreadStops() throws Exception {
        Searched whole = search(1, 0);
        long runs = whole.count().leaves;
        int cutApart = 0;
        for (long max : new long[] {1, 2, 37, 1000, 4096, 9999, 15_000, 27_777, runs - 1, runs}) {
            Searched one = search(1, 0, max);
            Searched two = search(2, 0, max);
            assertEquals(max, one.count().leaves, "one thread, --max-schedules " + max);
            assertFalse(one.complete());
            assertSame(one, two);
            if (two.cutApart()) cutApart++;
        }
        assertTrue(cutApart > 0, "every bound fell where the search's thread counted at once");
        Searched more = search(2, 0, runs + 1);
        assertTrue(more.complete(), "a bound one run past the search's end stops nothing");
        assertSame(whole, more);
    }

    /**
     * A cut further into a stretch of the order than the runs it kept figures for gives the
     * search up, to be done again on one thread ({@link StatefulSearch.Redo}): never another
     * report. Here the stretches keep none, so every cut inside one does.
     */
    @Test
    void aCutPastTheRunsKeptGivesTheSearchUp() throws Exception {
        int redone = 0;
        for (long max : new long[] {37, 1000, 4096, 9999, 15_000, 27_777}) {
            Searched two;
            try {
                two = search(2, 0, max, 0);
            } catch (StatefulSearch.Redo r) {
                redone++;
                continue;
            }
            assertFalse(two.cutApart());
            assertSame(search(1, 0, max), two);
        }
        assertTrue(redone > 0, "every bound fell where the search's thread counted at once");
    }

    static Explorer.Report explore(Program p, int cancels, long maxSchedules, double seconds, int threads) {
        return new Explorer(p, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, cancels, maxSchedules, 10_000,
                seconds, false, System.err, true, true, false, threads)).explore();
    }

    /**
     * Where --max-schedules stops, two threads give the report of one (outcomes with their counts
     * and schedules, violations, states, visited bytes), without searching again.
     */
    @Test
    void theScheduleBoundStopsWhereItDoesOnOneThread() throws Exception {
        Program p = program("bench/02_three_clients_two_requests");
        for (long max : new long[] {40, 3_000, 20_000, 77_777}) {
            Explorer.Report one = explore(p, 1, max, 120, 1);
            assertFalse(one.complete());
            assertEquals("max-schedules", one.bound());
            java.io.ByteArrayOutputStream progress = new java.io.ByteArrayOutputStream();
            Explorer.Report two = new Explorer(p, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, 1, max, 10_000, 120, true,
                    new java.io.PrintStream(progress, true), true, true, false, 2)).explore();
            assertEquals(ReportWriter.json("f", one), ReportWriter.json("f", two), "--max-schedules " + max);
            assertEquals(ReportWriter.text("f", one), ReportWriter.text("f", two), "--max-schedules " + max);
            assertFalse(progress.toString().contains("searching again on one thread"), progress.toString());
        }
    }

    /**
     * A search whose runs never print gives no part: reaching --max-schedules on two threads,
     * it stopped where one thread stops, and is not done again.
     */
    @Test
    void theScheduleBoundWithNoPartIsNotSearchedAgain() throws Exception {
        Program p = Program.compile("silent.py", String.join("\n",
                "import asyncio",
                "async def worker(lock, box):",
                "    for i in range(4):",
                "        async with lock:",
                "            box[0] += 1",
                "        await asyncio.sleep(0)",
                "async def main():",
                "    await asyncio.gather(*[worker(asyncio.Lock(), [0]) for _ in range(4)])",
                "asyncio.run(main())", ""));
        java.io.ByteArrayOutputStream progress = new java.io.ByteArrayOutputStream();
        Explorer.Report[] r = new Explorer.Report[3];
        for (int threads = 1; threads <= 2; threads++) { // no cancel, no DPOR: the search with state caching
            r[threads] = new Explorer(p, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, 0, 500, 10_000, 120, true,
                    new java.io.PrintStream(progress, true), true, true, false, threads, true, 0)).explore();
        }
        assertEquals("max-schedules", r[1].bound());
        assertEquals(ReportWriter.json("f", r[1]), ReportWriter.json("f", r[2]));
        assertFalse(progress.toString().contains("searching again on one"), progress.toString());
    }

    /** What {@code lockstep explore --json --cancel 1 --threads N FILE} prints. */
    static String cli(String file, String threads) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int exit = lockstep.cli.Main.execute(new java.io.PrintStream(out, true), System.err,
                "explore", file, "--json", "--cancel", "1", "--threads", threads);
        return "exit " + exit + "\n" + out;
    }

    /**
     * From the command line no more threads than the machine's cores are started: 100,000 (each
     * waiting thread wakes now and then; 5,000 starved the search for minutes) give the report
     * of one thread, at once.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void theCommandLineStartsNoMoreThreadsThanCores() {
        String f = "model/explore/04_event_three_waiters.py";
        assertEquals(cli(f, "1"), cli(f, "100000"));
    }

    /**
     * Without --threads, a search runs on every core (the command line and the library alike),
     * and reports what one thread does, here where --max-schedules stops it.
     */
    @Test
    void everyCoreByDefaultWithTheReportOfOneThread() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(cores, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, 1, 30_000, 10_000, 120, false, System.err).threads());
        String f = "model/bench/02_three_clients_two_requests.py";
        java.io.ByteArrayOutputStream byDefault = new java.io.ByteArrayOutputStream(), one = new java.io.ByteArrayOutputStream();
        lockstep.cli.Main.execute(new java.io.PrintStream(byDefault, true), System.err, "explore", f, "--json", "--cancel", "1",
                "--max-schedules", "30000");
        lockstep.cli.Main.execute(new java.io.PrintStream(one, true), System.err, "explore", f, "--json", "--cancel", "1",
                "--max-schedules", "30000", "--threads", "1");
        assertTrue(one.toString().contains("\"schedules\":30000"), one.toString());
        assertEquals(one.toString(), byDefault.toString());
    }

    /** A time bound reached on any thread stops every thread, and the report says so. */
    @Test
    void theTimeBoundStopsEveryThread() throws Exception {
        Program p = program("bench/02_three_clients_two_requests");
        long before = System.nanoTime();
        Explorer.Report r = explore(p, 2, 10_000_000, 0.3, 2);
        assertFalse(r.complete());
        assertEquals("time-limit", r.bound());
        assertTrue(r.schedules() > 0 && !r.outcomes().isEmpty(), "what was found before the bound is reported");
        assertTrue(System.nanoTime() - before < 30_000_000_000L, "stopped in time");
    }
}
