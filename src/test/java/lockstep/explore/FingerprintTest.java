package lockstep.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lockstep.sched.Runner;
import lockstep.vm.Canon;
import lockstep.vm.Machine;
import lockstep.vm.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** State fingerprints: canonical (address- and queue-order-free), distinct where states differ, and checked whole. */
class FingerprintTest {

    static Program program(String name) throws Exception {
        Path f = Path.of("model", "explore", name);
        return Program.compile(f.toString(), Files.readString(f));
    }

    /** The fingerprints of every choice point of CPython's own run. */
    static List<Long> fifoFingerprints(Program p) {
        Canon canon = new Canon();
        List<Long> fps = new ArrayList<>();
        Runner.run(p, (m, ready, cancellable) -> {
            fps.add(canon.fingerprint(m, 0));
            assertEquals(fps.get(fps.size() - 1), canon.fingerprint(m.snapshot(), 0), "a copy of a state is the same state");
            return 0;
        }, 10_000);
        return fps;
    }

    @Test
    void aRunNeverComesBackToAStateItLeft() throws Exception {
        List<Long> fps = fifoFingerprints(program("02_lock_three_tasks.py"));
        Set<Long> distinct = new HashSet<>(fps);
        assertEquals(fps.size(), distinct.size(), "every step of this run changes its state, so every fingerprint differs");
        assertTrue(fps.size() > 10);
    }

    @Test
    void theSameRunTwiceHasTheSameFingerprints() throws Exception {
        Program p = program("05_semaphore_four_tasks.py");
        assertEquals(fifoFingerprints(p), fifoFingerprints(p));
    }

    @Test
    void theExtraStateOfTheSearchIsPartOfTheFingerprint() throws Exception {
        Program p = program("01_condition_notify_lost_to_cancel.py");
        List<Machine> first = new ArrayList<>();
        Runner.run(p, (m, ready, cancellable) -> {
            if (first.isEmpty()) first.add(m.snapshot());
            return 0;
        }, 10_000);
        Canon canon = new Canon();
        assertNotEquals(canon.fingerprint(first.get(0), 0), canon.fingerprint(first.get(0), 1));
    }

    /**
     * Kept whole, states are hashed token by token; otherwise each heap object's own hash is
     * remembered with the machine while the object stays ({@code Canon.memoObject}): both ways
     * must tell the same states apart.
     */
    @ParameterizedTest
    @ValueSource(strings = {"02_lock_three_tasks.py", "03_barrier_cancelled_party.py", "05_semaphore_four_tasks.py"})
    void keptStatesShowNoCollisionAndTheSameResults(String name) throws Exception {
        Program p = program(name);
        Explorer.Report plain = new Explorer(p, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, 1, 1_000_000, 10_000,
                120, false, System.err, true, true, false, 1)).explore();
        Explorer.Report checked = new Explorer(p, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, 1, 1_000_000, 10_000,
                120, false, System.err, true, true, true, 1)).explore();
        assertTrue(plain.complete() && checked.complete());
        assertNotNull(checked.visited().collisions());
        assertEquals(0L, checked.visited().collisions());
        assertEquals(plain.states(), checked.states());
        assertEquals(plain.schedules(), checked.schedules());
        assertEquals(ReductionSoundnessTest.outcomes(plain), ReductionSoundnessTest.outcomes(checked));
        assertTrue(plain.visited().collisionProbability() < 1e-9);
    }

    @Test
    void aVisitedStateTakesAFewBytes() throws Exception {
        Explorer.Report r = new Explorer(program("02_lock_three_tasks.py"), new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, 1,
                1_000_000, 10_000, 120, false, System.err, true, true, false, 1)).explore();
        assertTrue(r.visited().bytesPerState() <= 40, "bytes per visited state: " + r.visited().bytesPerState());
    }
}
