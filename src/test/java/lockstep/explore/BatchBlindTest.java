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
                120, true, new PrintStream(progress, true, StandardCharsets.UTF_8), true, true, false, 1, batchBlind)).explore();
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
     * A case where the check matters: a blind search that went on past the first step where
     * batches matter finds 109 of the 110 outcomes (measured by disabling the check).
     */
    @Test
    void theCheckKeepsEveryOutcomeOfACancelRace() throws Exception {
        Run blind = explore("scenarios/025_lock_test_cancel_race.py", 1, true);
        Run batches = explore("scenarios/025_lock_test_cancel_race.py", 1, false);
        assertTrue(blind.progress().contains("searching again with batches"), blind.progress());
        assertEquals(batches.found(), blind.found());
    }

    /**
     * A step that leaves nothing ready lets the clock move and timers fire before the next
     * choice point, so an injected cancel taken before or after it differs: without ordering
     * such a step against every move, the blind search missed 2 of these 68 outcomes (a
     * random program that cancels a task holding one semaphore while waiting on a timeout).
     */
    @Test
    void aStepThatEmptiesTheQueueIsOrderedAgainstACancel() throws Exception {
        Run blind = explore("random/gen_0112.py", 1, true);
        Run batches = explore("random/gen_0112.py", 1, false);
        assertFalse(blind.progress().contains("searching again"), blind.progress());
        assertEquals(batches.found(), blind.found());
    }

    /** main ends while another task's step is ready: which steps run before the loop stops depends on the batch. */
    @Test
    void aStopWithHandlesLeftMakesBatchesMatter() throws Exception {
        Run blind = explore("explore/02_lock_three_tasks.py", 1, true);
        assertTrue(blind.progress().contains("searching again with batches"), blind.progress());
        assertEquals(explore("explore/02_lock_three_tasks.py", 1, false).found(), blind.found());
    }
}
