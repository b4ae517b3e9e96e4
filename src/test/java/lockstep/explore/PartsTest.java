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
        long leaves;
        long steps;
        /** The runs counted, in order (a hash of each one's decisions). */
        final List<Integer> runs = new java.util.ArrayList<>();

        @Override public void violation(Monitors.Breach v, StatefulSearch.Trail trail) { }

        @Override public boolean leaf(Runner.Result res, List<Object> outcome, Machine m, StatefulSearch.Trail trail) {
            leaves++;
            runs.add(trail.toList().hashCode());
            return true;
        }

        @Override public void steps(long n) { steps += n; }

        @Override public void tick() { }

        @Override public StatefulSearch.Sink part(boolean searchThread) { return new Count(); }

        @Override public void append(StatefulSearch.Sink part) {
            Count c = (Count) part;
            runs.addAll(c.runs);
            leaves += c.leaves;
            steps += c.steps;
        }
    }

    /** What a search of bench/01 with {@code cancels} counted on {@code threads} threads, and how it went. */
    record Searched(Count count, long states, long handedOver) {}

    static Searched search(int threads, int cancels) throws Exception {
        Count c = new Count();
        try (StatefulSearch s = new StatefulSearch(true, false, threads, false, cancels, c)) {
            assertTrue(s.search(Runner.start(program("bench/01_semaphore_four_tasks_print"), 10_000, new Monitors())));
            return new Searched(c, s.states(), s.partsHandedOver());
        }
    }

    /** The same states, runs (in the same order) and steps as on one thread. */
    static void assertSame(Searched one, Searched two) {
        assertEquals(one.states(), two.states());
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

    static Explorer.Report explore(Program p, int cancels, long maxSchedules, double seconds, int threads) {
        return new Explorer(p, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, cancels, maxSchedules, 10_000,
                seconds, false, System.err, true, true, false, threads)).explore();
    }

    /** Where --max-schedules stops depends on the order: the search is done again on one thread, with its report. */
    @Test
    void theScheduleBoundStopsWhereItDoesOnOneThread() throws Exception {
        Program p = program("bench/02_three_clients_two_requests");
        Explorer.Report one = explore(p, 1, 20_000, 120, 1);
        assertFalse(one.complete());
        assertEquals("max-schedules", one.bound());
        assertEquals(ReportWriter.json("f", one), ReportWriter.json("f", explore(p, 1, 20_000, 120, 2)));
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
