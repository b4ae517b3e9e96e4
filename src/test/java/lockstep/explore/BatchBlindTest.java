package lockstep.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import lockstep.vm.Program;
import org.junit.jupiter.api.Test;

/**
 * The batch-blind search ({@link SleepSetDfs}): where loop iterations end is left out of
 * states and of the dependency between moves while it cannot matter, and the search starts
 * again with batches from the first step where it can.
 */
class BatchBlindTest {

    record Run(Explorer.Report report, String progress) {
        Set<String> found() {
            Set<String> s = new TreeSet<>();
            for (Explorer.Outcome o : report.outcomes()) s.add(o.exit() + "\n" + o.stdout());
            for (Explorer.Violation v : report.violations()) s.add(v.kind() + ": " + v.message());
            return s;
        }
    }

    static Run explore(String name, int cancels, boolean batchBlind) throws Exception {
        Path f = Path.of("model", name);
        Program p = Program.compile(f.toString(), Files.readString(f));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Explorer.Report r = new Explorer(p, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, cancels, 1_000_000, 10_000,
                120, true, new PrintStream(progress, true, StandardCharsets.UTF_8), true, true, false, 1, batchBlind, 0)).explore();
        assertTrue(r.complete(), name + " did not finish: " + r.bound());
        return new Run(r, progress.toString(StandardCharsets.UTF_8));
    }

    /** Four tasks that share nothing: their interleavings meet however their iterations were cut. */
    @Test
    void independentTasksMeetWhereverTheirIterationsEnd() throws Exception {
        Run blind = explore("explore/06_four_independent_tasks.py", 0, true);
        Run batches = explore("explore/06_four_independent_tasks.py", 0, false);
        assertFalse(blind.progress().contains("searching again"), blind.progress());
        assertEquals(batches.found(), blind.found());
        assertTrue(blind.report().schedules() * 3 < batches.report().schedules(),
                "schedules: " + blind.report().schedules() + " batch-blind, " + batches.report().schedules() + " with batches");
        assertTrue(blind.report().states() < batches.report().states());
    }

    /** A timer due at once waits for the end of its iteration: the search sees it and starts again with batches. */
    @Test
    void aTimerDueAtOnceMakesBatchesMatter() throws Exception {
        Run blind = explore("explore/08_timer_due_at_once.py", 0, true);
        Run batches = explore("explore/08_timer_due_at_once.py", 0, false);
        assertTrue(blind.progress().contains("searching again with batches"), blind.progress());
        assertEquals(batches.found(), blind.found());
        assertEquals(batches.report().schedules(), blind.report().schedules());
    }

    /**
     * With an injected cancel, the blind search finds what the search with batches finds, in
     * fewer schedules, on the programs where earlier versions of it lost outcomes: 025 without
     * the check that batches matter, gen_0112 before steps that empty the queue were ordered
     * against every move, gen_0150 before a move asleep woke up where it is the last one ready.
     */
    @Test
    void withAnInjectedCancelNothingIsLost() throws Exception {
        for (String f : java.util.List.of("scenarios/025_lock_test_cancel_race.py", "random/gen_0150.py", "random/gen_0112.py")) {
            Run blind = explore(f, 1, true);
            Run batches = explore(f, 1, false);
            assertEquals(batches.found(), blind.found(), f);
            if (f.equals("random/gen_0150.py")) {
                assertFalse(blind.progress().contains("searching again"), blind.progress());
                assertTrue(blind.report().schedules() < batches.report().schedules(),
                        f + ": " + blind.report().schedules() + " schedules blind, " + batches.report().schedules() + " with batches");
            }
        }
    }

    /** main ends while other tasks' steps are ready: which steps run before the loop stops depends on the batch. */
    @Test
    void aStopWithHandlesLeftMakesBatchesMatter() throws Exception {
        Run blind = explore("scenarios/006_lock_fifo_wakeup.py", 0, true);
        assertTrue(blind.progress().contains("searching again with batches"), blind.progress());
        assertEquals(explore("scenarios/006_lock_fifo_wakeup.py", 0, false).found(), blind.found());
    }
}
