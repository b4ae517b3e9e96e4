package lockstep.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lockstep.vm.Program;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code explore --threads N}: other threads explore parts of the search with state caching
 * ({@link StatefulSearch}), and the report (outcomes, counts, schedules, violations,
 * states, the visited set's figures) is byte for byte the same JSON for any N.
 */
class ThreadsTest {

    /** Parts start at once, as in a JVM whose compiler has done its first work ({@link JitQuiet}). */
    @org.junit.jupiter.api.BeforeAll
    static void compilerQuiet() { JitQuiet.assumeQuiet(); }

    static String json(Path f, int cancels, int threads) throws Exception {
        Program p = Program.compile(f.toString(), Files.readString(f));
        Explorer.Report r = new Explorer(p, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, cancels, 1_000_000, 10_000,
                120, false, System.err, true, true, false, threads)).explore();
        assertTrue(r.complete(), f + " did not finish: " + r.bound());
        return ReportWriter.json(f.toString(), r);
    }

    @TestFactory
    Stream<DynamicTest> theReportIsTheSameForAnyNumberOfThreads() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : List.of("explore/01_condition_notify_lost_to_cancel", "explore/02_lock_three_tasks",
                "explore/03_barrier_cancelled_party", "explore/04_event_three_waiters", "explore/06_four_independent_tasks",
                "bench/02_three_clients_two_requests", "invariants/07_fire_lost_notify_job_left_queued")) {
            Path f = Path.of("model", name + ".py");
            for (int cancels = 0; cancels <= 1; cancels++) {
                int k = cancels;
                tests.add(DynamicTest.dynamicTest(name + " --cancel " + k, () -> {
                    String one = json(f, k, 1);
                    if (name.startsWith("invariants/") && k == 1) {
                        assertTrue(one.contains("\"kind\":\"lost-wakeup\""),
                                "a violation found when main ends, after the last step of a move, is reported\n" + one);
                    }
                    assertEquals(one, json(f, k, 2), "--threads 2");
                    assertEquals(one, json(f, k, 3), "--threads 3");
                }));
            }
        }
        return tests.stream();
    }
}
