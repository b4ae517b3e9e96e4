package lockstep.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import lockstep.sched.Runner;
import lockstep.vm.Machine;
import lockstep.vm.Program;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The helpers of {@code --threads} take moves ahead of the search ({@link StatefulSearch});
 * what they took that the search does not explore (a state cut, a move asleep) must be let go,
 * or they would stop for good once {@link StatefulSearch#AHEAD} such moves piled up, and keep
 * those runs alive. When a search has ended, nothing they took is held; on the large case,
 * they did take moves. (That the report does not depend on them is {@link ThreadsTest}'s
 * business.)
 */
class HelpersTest {

    @ParameterizedTest(name = "{0} --cancel {1}, {2} threads")
    @CsvSource({"explore/02_lock_three_tasks, 1, 2, false", "explore/03_barrier_cancelled_party, 1, 3, false",
            "bench/01_semaphore_four_tasks_print, 0, 2, true"})
    void nothingTakenAheadIsHeldOnceTheSearchEnds(String name, int cancels, int threads, boolean large) throws Exception {
        Path f = Path.of("model", name + ".py");
        Program p = Program.compile(f.toString(), Files.readString(f));
        long[] leaves = new long[1];
        StatefulSearch.Sink sink = new StatefulSearch.Sink() {
            @Override public void violation(Monitors.Breach v, StatefulSearch.Trail trail) { }

            @Override public boolean leaf(Runner.Result res, java.util.List<Object> outcome, Machine m, StatefulSearch.Trail trail) {
                leaves[0]++;
                return true;
            }

            @Override public void steps(long n) { }

            @Override public void tick() { }
        };
        try (StatefulSearch search = new StatefulSearch(true, false, threads, false, cancels, sink)) {
            assertTrue(search.search(Runner.start(p, 10_000, new Monitors())), "the search ended");
            long until = System.nanoTime() + 5_000_000_000L;
            while (search.ahead() != 0 && System.nanoTime() < until) Thread.sleep(1);
            assertEquals(0, search.ahead(), "moves taken ahead and still held after " + search.states() + " states");
            assertTrue(leaves[0] > 100, "a search with choices: " + leaves[0] + " runs");
            if (large) {
                // In a search of 57,722 states (a second or less), a helper that took nothing
                // would leave this test with nothing to check.
                assertTrue(search.tookAhead() > 0, "the helpers took no move ahead in " + search.states() + " states");
            }
        }
    }
}
