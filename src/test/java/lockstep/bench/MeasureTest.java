package lockstep.bench;

import lockstep.vm.Program;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** How the bench times: a short complete exhaustive search again and again, a cut one once, FIFO runs in slices. */
class MeasureTest {

    private static Program program(String file) throws Exception {
        return Program.compile(file, Files.readString(Path.of(file)));
    }

    @Test void aShortCompleteSearchIsTimedSeveralTimes() throws Exception {
        Program p = program("model/explore/02_lock_three_tasks.py");
        Measure.Exhaustive repeated = Measure.exhaustive(p, 0, 10_000, 60, 50, 0, 60);
        assertEquals("yes", repeated.complete());
        assertEquals(Measure.REPEATS, repeated.timedRuns());
        Measure.Exhaustive once = Measure.exhaustive(p, 0, 10_000, 60, 50, 0, 0);
        assertEquals(1, once.timedRuns());
        assertEquals(repeated.states(), once.states());
        assertEquals(repeated.schedules(), once.schedules());
    }

    @Test void aSearchOfMillisecondsIsWarmedUpForTheWarmUpTime() throws Exception {
        Program p = program("model/explore/02_lock_three_tasks.py");
        long t0 = System.nanoTime();
        Measure.Exhaustive e = Measure.exhaustive(p, 0, 10_000, 60, Long.MAX_VALUE, 0.5, 0);
        double took = (System.nanoTime() - t0) / 1e9;
        assertTrue(e.seconds() < 0.1, "a search of milliseconds: " + e.seconds() + " s");
        assertTrue(took >= 0.5, "warmed up for 0.5 s before it was timed, not once: " + took + " s in all");
    }

    /** Full collections (System.gc() with G1) so far, in all collectors but the young ones. */
    private static long fullCollections() {
        long n = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!gc.getName().contains("Young")) n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    @Test void aSearchWithAVisitedSetIsTimedWithoutCollectingTheHeapFirst() throws Exception {
        Program p = program("model/explore/02_lock_three_tasks.py");
        long before = fullCollections();
        Measure.Exhaustive e = Measure.exhaustive(p, 1, 10_000, 60, 50, 0, 0);
        assertEquals(before, fullCollections(), "System.gc() called around a timed search");
        assertNotNull(e.bytesPerState());
    }

    @Test void aSearchWithoutAVisitedSetHasItsMemoryMeasuredInARunOfItsOwn() throws Exception {
        Program p = program("model/explore/06_four_independent_tasks.py"); // DPOR reports it, without cancels
        Measure.Exhaustive e = Measure.exhaustive(p, 0, 10_000, 60, 50, 0, 0);
        assertNotNull(e.bytesPerState());
    }

    @Test void aSearchOfAFractionOfAMillisecondIsTimedInBatches() throws Exception {
        Program p = program("model/explore/01_condition_notify_lost_to_cancel.py");
        long t0 = System.nanoTime();
        Measure.Exhaustive e = Measure.exhaustive(p, 0, 10_000, 60, 50, 0, 60);
        double took = (System.nanoTime() - t0) / 1e9;
        assertEquals(Measure.REPEATS, e.timedRuns());
        assertTrue(took >= (Measure.REPEATS - 1) * Measure.BATCH_SECONDS * 0.9, "searches of a fraction of a millisecond timed "
                + "in batches of about " + Measure.BATCH_SECONDS + " s each, not alone: " + took + " s in all");
        assertTrue(e.seconds() < Measure.BATCH_SECONDS / 10, "the mean of one search in a batch, not the batch: " + e.seconds());
    }

    @Test void fifoRunsAreTimedInSlicesAndOneIsShown() throws Exception {
        Measure.Rate r = Measure.fifo(program("model/explore/02_lock_three_tasks.py"), 0.05, 0.5);
        assertTrue(r.count() > 0);
        assertTrue(r.seconds() >= 0.5 / Measure.FIFO_SLICES && r.seconds() < 0.25, "one slice of 0.5 s in " + Measure.FIFO_SLICES
                + ", not the whole: " + r.seconds() + " s");
    }

    @Test void aSearchCutAtTheTimeLimitIsTimedOnce() throws Exception {
        Measure.Exhaustive cut = Measure.exhaustive(program("model/bench/02_three_clients_two_requests.py"), 2, 10_000, 0.2, 50, 0, 60);
        assertEquals("no (time-limit)", cut.complete());
        assertEquals(1, cut.timedRuns());
    }
}
