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

    /** Three tasks that wait on {@code prim} (set or released by main after they queued up); main runs first. */
    private static Program threeWaiters(String prim, String take, String wait, String give) throws Exception {
        String src = "import asyncio\n"
                + "prim = asyncio." + prim + "()\n"
                + "async def w(i):\n    " + wait + "\n    print(i)\n"
                + "async def main():\n    " + take + "\n"
                + "    ts = [asyncio.create_task(w(i)) for i in range(3)]\n"
                + "    await asyncio.sleep(0)\n    await asyncio.sleep(0)\n    " + give + "\n    await asyncio.gather(*ts)\n"
                + "asyncio.run(main())\n";
        return Program.compile("three_waiters.py", src);
    }

    /** The fingerprint once the handles at ready indices {@code order} ran, in turn (main's first step, then the waiters' in some order). */
    private static long afterWaiting(Program p, int... order) {
        long[] fp = new long[1];
        int[] k = {0};
        Canon canon = new Canon();
        Runner.run(p, (m, ready, cancellable) -> {
            if (k[0] < order.length) return order[k[0]++];
            if (k[0]++ == order.length) fp[0] = canon.fingerprint(m, 0);
            return 0;
        }, 10_000);
        return fp[0];
    }

    /**
     * An Event's waiters are a set: set() wakes them all, in any order the explorer picks, so
     * tasks that queued up in another order reach the same state, unless the scenario looks at
     * {@code _waiters}. A Lock's are a queue: the first to queue gets it first, so there the
     * order is part of the state.
     */
    @Test
    void anEventsWaitersAreASetALocksAQueue() throws Exception {
        Program ev = threeWaiters("Event", "pass", "await prim.wait()", "prim.set()");
        assertEquals(afterWaiting(ev, 0, 0, 0, 0), afterWaiting(ev, 0, 2, 1, 0), "three waiters queued in two orders");
        assertEquals(afterWaiting(ev, 0, 0, 0, 0), afterWaiting(ev, 0, 1, 0, 0), "three waiters queued in two orders");
        assertNotEquals(afterWaiting(ev, 0, 0, 0, 0), afterWaiting(ev, 0, 0, 0), "two waiters queued are not three");
        Program looking = threeWaiters("Event", "pass", "await prim.wait()", "print(prim._waiters[0] is prim._waiters[1]); prim.set()");
        assertNotEquals(afterWaiting(looking, 0, 0, 0, 0), afterWaiting(looking, 0, 2, 1, 0), "a scenario that looks at _waiters sees their order");
        Program lock = threeWaiters("Lock", "await prim.acquire()", "async with prim: pass", "prim.release()");
        assertNotEquals(afterWaiting(lock, 0, 0, 0, 0), afterWaiting(lock, 0, 2, 1, 0), "a Lock's queue in two orders");
        assertNotEquals(afterWaiting(lock, 0, 0, 0, 0), afterWaiting(lock, 0, 1, 0, 0), "a Lock's queue in two orders");
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
    @ValueSource(strings = {"02_lock_three_tasks.py", "03_barrier_cancelled_party.py", "04_event_three_waiters.py", "05_semaphore_four_tasks.py"})
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
