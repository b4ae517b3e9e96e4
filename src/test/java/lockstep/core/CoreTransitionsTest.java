package lockstep.core;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The pure transitions on their own, with a hand-made view of the waiters' futures. */
class CoreTransitionsTest {

    /** Futures named by int; those in {@code done}/{@code cancelled} are so. */
    static final class View implements Futures {
        final Set<Integer> done = new HashSet<>();
        final Set<Integer> cancelled = new HashSet<>();
        final PyVersion version;
        View() { this(PyVersion.DEFAULT); }
        View(PyVersion version) { this.version = version; }
        @Override public boolean done(int f) { return done.contains(f) || cancelled.contains(f); }
        @Override public boolean cancelled(int f) { return cancelled.contains(f); }
        @Override public PyVersion version() { return version; }
    }

    @Test void lockFastPathOnlyWhenEveryWaiterIsCancelled() {
        View v = new View();
        Lock l = Lock.NEW.enqueue(1);
        assertFalse(l.canTakeNow(v), "a pending waiter keeps its place");
        v.cancelled.add(1);
        assertTrue(l.canTakeNow(v), "only cancelled waiters: take at once");
        assertFalse(l.take().canTakeNow(v), "locked");
    }

    @Test void lockReleaseWakesOnlyTheFirstWaiterAndOnlyIfNotDone() {
        View v = new View();
        Lock l = Lock.NEW.take().enqueue(1).enqueue(2);
        Step<Lock> s = l.release(v);
        assertFalse(s.state().locked());
        assertEquals(Vec.of(new Wake(1, true)), s.wakes());
        v.done.add(1);
        assertTrue(l.release(v).wakes().isEmpty(), "a woken first waiter is not woken twice, and the second is not");
    }

    @Test void releasingAFreeLockIsTheRuntimeErrorOfCPython() {
        AsyncioError e = assertThrows(AsyncioError.class, () -> Lock.NEW.release(new View()));
        assertEquals("RuntimeError", e.type());
        assertEquals("Lock is not acquired.", e.getMessage());
    }

    @Test void cancelledLockWaiterPassesTheTurnOnOnlyWhenFree() {
        View v = new View();
        Lock free = Lock.NEW.enqueue(2);
        assertEquals(Vec.of(new Wake(2, true)), free.cancelledWaiter(v).wakes());
        assertTrue(free.take().cancelledWaiter(v).wakes().isEmpty());
    }

    @Test void equalStatesAreEqual() {
        assertEquals(Lock.NEW.enqueue(3).take(), Lock.NEW.take().enqueue(3));
        assertEquals(Lock.NEW.enqueue(3).hashCode(), Lock.NEW.enqueue(3).hashCode());
        assertNotEquals(Lock.NEW.enqueue(3), Lock.NEW.enqueue(4));
    }

    @Test void eventSetWakesEveryPendingWaiterOnce() {
        View v = new View();
        v.cancelled.add(2);
        Step<Event> s = Event.NEW.enqueue(1).enqueue(2).enqueue(3).set(v);
        assertTrue(s.state().value());
        assertEquals(Vec.of(new Wake(1, true), new Wake(3, true)), s.wakes());
        assertTrue(s.state().set(v).wakes().isEmpty(), "set() on a set event does nothing");
        assertFalse(s.state().clear().value());
    }

    @Test void conditionNotifySkipsDoneWaitersAndCountsOnlyWoken() {
        View v = new View();
        v.done.add(1);
        Condition c = Condition.over(9).enqueue(1).enqueue(2).enqueue(3);
        assertEquals(Vec.of(new Wake(2, false)), c.notify(true, 1, v).wakes());
        assertEquals(2, c.notifyAll(true, v).wakes().size());
        AsyncioError e = assertThrows(AsyncioError.class, () -> c.notify(false, 1, v));
        assertEquals("cannot notify on un-acquired lock", e.getMessage());
    }

    @Test void semaphoreTakesAUnitWhenWakingAndGivesItBackOnCancellation() {
        View v = new View();
        Semaphore s = Semaphore.create(0, false, PyVersion.DEFAULT).enqueue(1).enqueue(2);
        assertTrue(s.locked(v));
        Step<Semaphore> r = s.release(v);
        assertEquals(0, r.state().value(), "the unit went to waiter 1");
        assertEquals(Vec.of(new Wake(1, true)), r.wakes());
        v.done.add(1);
        Step<Semaphore> c = r.state().dequeue(1).cancelledWaiter(true, v);
        assertEquals(0, c.state().value(), "the unit passed on to waiter 2");
        assertEquals(Vec.of(new Wake(2, true)), c.wakes());
    }

    @Test void boundedSemaphoreRefusesReleaseAboveItsBound() {
        Semaphore s = Semaphore.create(1, true, PyVersion.DEFAULT);
        AsyncioError e = assertThrows(AsyncioError.class, () -> s.release(new View()));
        assertEquals("ValueError", e.type());
        assertEquals("BoundedSemaphore released too many times", e.getMessage());
        assertThrows(AsyncioError.class, () -> Semaphore.create(-1, false, PyVersion.DEFAULT));
    }

    @Test void barrierPhasesFillDrainAndFillAgain() {
        Barrier b = Barrier.create(7, 2, PyVersion.DEFAULT);
        assertEquals("filling, waiters:0/2", b.describe());
        b = b.arrive();
        assertFalse(b.isLast(0));
        b = b.arrive();
        assertTrue(b.isLast(1));
        b = b.drain();
        assertEquals("draining, waiters:0/2", b.describe());
        b = b.leave();
        assertEquals(Barrier.Phase.DRAINING, b.phase());
        b = b.leave();
        assertEquals(Barrier.Phase.FILLING, b.phase(), "the last to leave refills it");
        assertEquals("broken", b.abort().describe());
        assertEquals(Barrier.Phase.RESETTING, b.arrive().reset().phase());
        assertEquals(Barrier.Phase.FILLING, b.reset().phase());
    }

    @Test void futureCompletesOnceAndHandsBackItsCallbacksInOrder() {
        Future f = Future.NEW.addCallback("a").addCallback("b");
        Future.Fired fired = f.setResult(42L);
        assertEquals(Vec.of("a", "b"), fired.callbacks());
        assertEquals(42L, fired.state().result());
        assertThrows(AsyncioError.class, () -> fired.state().setResult(1L));
        assertNull(fired.state().cancel(null), "cancel() of a done future returns False");
    }

    @Test void taskCancelBookkeeping() {
        Task t = Task.named("Task-2").requestCancel().cancelAtNextStep("why");
        assertEquals(1, t.cancelRequests());
        assertTrue(t.mustCancel());
        assertFalse(t.startStep().mustCancel());
        assertEquals(0, t.uncancel(PyVersion.DEFAULT).uncancel(PyVersion.DEFAULT).cancelRequests(), "never below zero");
    }

    // ------------------------------------------------------------------ deltas of other versions

    @Test void from313AResumedSemaphoreWaiterWakesAsManyAsThereAreUnits() {
        Semaphore s = new Semaphore(2, Vec.of(1, 2, 3), -1, true);
        assertEquals(Vec.of(new Wake(1, true)), s.resumedWaiter(new View(PyVersion.V3_12)).wakes());
        Step<Semaphore> all = s.resumedWaiter(new View(PyVersion.V3_13));
        assertEquals(Vec.of(new Wake(1, true), new Wake(2, true)), all.wakes());
        assertEquals(0, all.state().value());
        assertTrue(new Semaphore(1, Vec.of(1), -1, true).cancelledWaiter(false, new View(PyVersion.V3_12)).wakes().isEmpty(),
                "3.12: a waiter cancelled before it was woken wakes nobody");
        assertEquals(Vec.of(new Wake(1, true)), new Semaphore(1, Vec.of(1), -1, true).cancelledWaiter(false, new View(PyVersion.V3_14)).wakes(),
                "3.13+: the units left wake a waiter anyway");
    }

    @Test void before311TheSemaphoreIsLockedOnlyWithoutUnitsAndReleaseDequeuesTheWokenWaiter() {
        View v310 = new View(PyVersion.V3_10);
        Semaphore s = Semaphore.create(0, false, PyVersion.V3_10).enqueue(1).enqueue(2);
        Step<Semaphore> r = s.release(v310);
        assertEquals(1, r.state().value(), "no unit is taken on the woken waiter's behalf");
        assertEquals(Vec.of(2), r.state().waiters(), "the woken waiter left the queue");
        assertFalse(r.state().locked(v310), "a newcomer may take the unit");
        assertTrue(r.state().locked(new View()), "3.12: locked while a waiter is queued");
        assertTrue(Semaphore.create(1, false, PyVersion.V3_10).hasQueue(), "3.10 makes its queue at once");
    }

    @Test void from313UncancelToZeroDropsAPendingCancel() {
        Task t = Task.named("Task-2").requestCancel().cancelAtNextStep(null);
        assertTrue(t.uncancel(PyVersion.V3_12).mustCancel());
        assertFalse(t.uncancel(PyVersion.V3_13).mustCancel());
        assertTrue(t.requestCancel().uncancel(PyVersion.V3_13).mustCancel(), "one request is still outstanding");
    }

    @Test void deltasBelongToTheirVersionsOnly() {
        assertTrue(PyVersion.V3_13.has(Delta.CONDITION_WAIT_PASSES_NOTIFICATION_ON));
        assertFalse(PyVersion.V3_12.has(Delta.CONDITION_WAIT_PASSES_NOTIFICATION_ON));
        for (Delta d : Delta.values()) assertFalse(PyVersion.DEFAULT.has(d), d + ": 3.12 is the core itself");
    }
}
