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
