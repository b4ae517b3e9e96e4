package lockstep.runtime;

import lockstep.core.AsyncioError;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The runtime primitives on one thread: asyncio's semantics, step by step. The race
 * "woken, then cancelled before its task ran" is forced with {@link AfterWake}, which
 * runs a cancel right after the CAS that woke a waiter and before that waiter's step.
 */
class RuntimeTest {

    /** A real CAS that, once armed, runs an action right after the next CAS that leaves a woken task due. */
    static final class AfterWake implements Cell.Install {
        private Runnable action;

        void arm(Runnable action) { this.action = action; }

        @Override public <T> boolean install(AtomicReference<T> ref, T expect, T next) {
            if (!ref.compareAndSet(expect, next)) return false;
            Runnable a = action;
            if (a != null && !((Cell.Snapshot<?>) next).ready().isEmpty()) {
                action = null;
                a.run();
            }
            return true;
        }
    }

    static String outcome(CompletableFuture<?> f) { return Calls.outcome(f); }

    // ------------------------------------------------------------------ Lock

    @Test void lockIsFifoAndReleaseHandsItToTheFirstWaiter() {
        Lock lock = new Lock();
        CompletableFuture<Boolean> a = lock.acquire(), b = lock.acquire(), c = lock.acquire();
        assertEquals("true", outcome(a));
        assertEquals("pending", outcome(b));
        assertEquals("<Lock [locked, waiters:2]>", lock.toString());
        lock.release();
        assertEquals("true", outcome(b));
        assertEquals("pending", outcome(c));
        assertEquals("<Lock [locked, waiters:1]>", lock.toString());
        lock.release();
        lock.release();
        assertEquals("true", outcome(c));
        assertEquals("<Lock [unlocked]>", lock.toString());
        AsyncioError e = assertThrows(AsyncioError.class, lock::release);
        assertEquals("RuntimeError: Lock is not acquired.", e.type() + ": " + e.getMessage());
    }

    @Test void cancellingAQueuedLockWaiterRemovesIt() {
        Lock lock = new Lock();
        lock.acquire();
        CompletableFuture<Boolean> b = lock.acquire(), c = lock.acquire();
        assertTrue(b.cancel(false));
        assertTrue(b.isCancelled());
        assertThrows(CancellationException.class, b::join);
        assertEquals("<Lock [locked, waiters:1]>", lock.toString());
        lock.release();
        assertEquals("true", outcome(c));
        assertFalse(c.cancel(false), "a finished call cannot be cancelled");
        assertFalse(b.cancel(false));
    }

    @Test void aWokenThenCancelledLockWaiterHandsTheLockOn() {
        AfterWake hook = new AfterWake();
        Lock lock = new Lock(hook);
        lock.acquire();
        CompletableFuture<Boolean> b = lock.acquire(), c = lock.acquire();
        hook.arm(() -> assertTrue(b.cancel(false), "woken but not yet run: cancel() succeeds"));
        lock.release();
        assertEquals("cancelled", outcome(b));
        assertEquals("true", outcome(c), "the turn b was given went on to c");
        assertEquals("<Lock [locked]>", lock.toString());
    }

    @Test void aWokenThenCancelledLockWaiterWithNobodyBehindLeavesTheLockFree() {
        AfterWake hook = new AfterWake();
        Lock lock = new Lock(hook);
        lock.acquire();
        CompletableFuture<Boolean> b = lock.acquire();
        hook.arm(() -> b.cancel(false));
        lock.release();
        assertEquals("cancelled", outcome(b));
        assertEquals("<Lock [unlocked]>", lock.toString());
        assertEquals("true", outcome(lock.acquire()));
    }

    // ------------------------------------------------------------------ Semaphore

    @Test void semaphoreIsFifoEvenWithUnitsLeft() {
        Semaphore s = new Semaphore(1);
        CompletableFuture<Boolean> a = s.acquire(), b = s.acquire(), c = s.acquire();
        assertEquals("true", outcome(a));
        assertEquals("pending", outcome(b));
        assertEquals("<Semaphore [locked, waiters:2]>", s.toString());
        s.release();
        assertEquals("true", outcome(b));
        assertEquals("pending", outcome(c));
        s.release();
        s.release();
        assertEquals("true", outcome(c));
        assertEquals("<Semaphore [unlocked, value:1]>", s.toString());
        assertThrows(AsyncioError.class, () -> new Semaphore(-1));
    }

    @Test void aWokenThenCancelledSemaphoreWaiterGivesItsUnitBackAndOn() {
        AfterWake hook = new AfterWake();
        Semaphore s = new Semaphore(0, false, hook);
        CompletableFuture<Boolean> a = s.acquire(), b = s.acquire();
        hook.arm(() -> a.cancel(false));
        s.release();
        assertEquals("cancelled", outcome(a));
        assertEquals("true", outcome(b), "the unit taken for a went on to b");
        assertEquals("<Semaphore [locked]>", s.toString());
    }

    @Test void aWokenThenCancelledSemaphoreWaiterAloneRestoresTheValue() {
        AfterWake hook = new AfterWake();
        Semaphore s = new Semaphore(0, false, hook);
        CompletableFuture<Boolean> a = s.acquire();
        hook.arm(() -> a.cancel(false));
        s.release();
        assertEquals("cancelled", outcome(a));
        assertEquals("<Semaphore [unlocked, value:1]>", s.toString());
    }

    @Test void boundedSemaphoreRefusesToGoAboveItsBound() {
        BoundedSemaphore s = new BoundedSemaphore(1);
        s.acquire();
        s.release();
        AsyncioError e = assertThrows(AsyncioError.class, s::release);
        assertEquals("ValueError: BoundedSemaphore released too many times", e.type() + ": " + e.getMessage());
        assertEquals("<BoundedSemaphore [unlocked, value:1]>", s.toString());
    }

    // ------------------------------------------------------------------ Event

    @Test void eventSetWakesEveryWaiterAndClearWakesNobody() {
        Event e = new Event();
        CompletableFuture<Boolean> a = e.await(), b = e.await(), c = e.await();
        assertTrue(c.cancel(false));
        assertEquals("<Event [unset, waiters:2]>", e.toString());
        e.set();
        assertEquals("true", outcome(a));
        assertEquals("true", outcome(b));
        assertEquals("cancelled", outcome(c));
        assertEquals("true", outcome(e.await()), "a set event is passed at once");
        e.clear();
        assertFalse(e.isSet());
        assertEquals("pending", outcome(e.await()));
    }

    @Test void aWokenThenCancelledEventWaiterEndsCancelled() {
        AfterWake hook = new AfterWake();
        Event e = new Event(hook);
        CompletableFuture<Boolean> a = e.await(), b = e.await();
        hook.arm(() -> assertTrue(a.cancel(false)));
        e.set();
        assertEquals("cancelled", outcome(a));
        assertEquals("true", outcome(b));
    }

    // ------------------------------------------------------------------ Condition

    @Test void conditionWaitNeedsTheLockAndReleasesIt() {
        Condition c = new Condition();
        AsyncioError e = assertThrows(AsyncioError.class, c::await);
        assertEquals("RuntimeError: cannot wait on un-acquired lock", e.type() + ": " + e.getMessage());
        e = assertThrows(AsyncioError.class, () -> c.notify(1));
        assertEquals("RuntimeError: cannot notify on un-acquired lock", e.type() + ": " + e.getMessage());
        c.acquire();
        CompletableFuture<Boolean> w1 = c.await();
        assertFalse(c.locked(), "wait() released the lock");
        c.acquire();
        CompletableFuture<Boolean> w2 = c.await();
        c.acquire();
        assertEquals("<Condition [locked, waiters:2]>", c.toString());
        c.notify(1);
        assertEquals("pending", outcome(w1), "notified, but the lock is still held");
        c.release();
        assertEquals("true", outcome(w1), "w1 holds the lock again");
        assertEquals("pending", outcome(w2));
        assertTrue(c.locked());
        c.notifyAllWaiters();
        c.release();
        assertEquals("true", outcome(w2));
        c.release();
        assertFalse(c.locked());
    }

    @Test void aCancelledConditionWaiterTakesTheLockBackBeforeItEnds() {
        Condition c = new Condition();
        c.acquire();
        CompletableFuture<Boolean> w = c.await();
        c.acquire();                        // someone else holds the lock now
        assertTrue(w.cancel(false));
        assertEquals("pending", outcome(w), "cancelled, but it must first get the lock back");
        c.release();
        assertEquals("cancelled", outcome(w));
        assertTrue(c.locked(), "it ends cancelled with the lock held, as CPython's wait() does");
    }

    @Test void aNotifiedThenCancelledConditionWaiterLosesTheNotification() {
        AfterWake hook = new AfterWake();
        Condition c = new Condition(hook);
        c.acquire();
        CompletableFuture<Boolean> w1 = c.await();
        c.acquire();
        CompletableFuture<Boolean> w2 = c.await();
        c.acquire();
        hook.arm(() -> assertTrue(w1.cancel(false)));
        c.notify(1);
        c.release();
        assertEquals("cancelled", outcome(w1));
        c.release();                        // w1 ended holding the lock
        assertEquals("pending", outcome(w2), "CPython 3.12 does not pass the notification on");
        assertEquals("<Condition [unlocked, waiters:1]>", c.toString());
    }

    // ------------------------------------------------------------------ Barrier

    @Test void barrierTripsWhenAllPartiesArriveThenFillsAgain() {
        Barrier b = new Barrier(2);
        CompletableFuture<Integer> p0 = b.await();
        assertEquals("<Barrier [filling, waiters:1/2]>", b.toString());
        CompletableFuture<Integer> p1 = b.await();
        assertEquals("0", outcome(p0));
        assertEquals("1", outcome(p1));
        assertEquals("<Barrier [filling, waiters:0/2]>", b.toString());
        CompletableFuture<Integer> q0 = b.await();
        assertEquals(1, b.nWaiting());
        b.reset();
        assertEquals("BrokenBarrierError: Abort or reset of barrier", outcome(q0));
        assertEquals("<Barrier [filling, waiters:0/2]>", b.toString());
        CompletableFuture<Integer> r0 = b.await();
        b.abort();
        assertEquals("BrokenBarrierError: Abort or reset of barrier", outcome(r0));
        assertTrue(b.broken());
        assertEquals("BrokenBarrierError: Barrier aborted", outcome(b.await()));
        assertThrows(AsyncioError.class, () -> new Barrier(0));
    }

    @Test void aCancelledBarrierPartyLeaves() {
        Barrier b = new Barrier(2);
        CompletableFuture<Integer> p = b.await();
        assertTrue(p.cancel(false));
        assertEquals("cancelled", outcome(p));
        assertEquals(0, b.nWaiting());
        CompletableFuture<Integer> q0 = b.await(), q1 = b.await();
        assertEquals("0", outcome(q0));
        assertEquals("1", outcome(q1));
    }

    @Test void theTripRunsTheWokenPartiesInItsOwnStepSoNothingComesBetween() {
        AfterWake hook = new AfterWake();
        Barrier b = new Barrier(3, hook);
        CompletableFuture<Integer> p0 = b.await(), p1 = b.await();
        hook.arm(() -> fail("a woken party was left due after the trip"));
        CompletableFuture<Integer> p2 = b.await();
        assertFalse(p0.cancel(false), "p0 passed in the trip's own step");
        assertEquals("0", outcome(p0));
        assertEquals("1", outcome(p1));
        assertEquals("2", outcome(p2));
        assertEquals("<Barrier [filling, waiters:0/3]>", b.toString());
    }
}
