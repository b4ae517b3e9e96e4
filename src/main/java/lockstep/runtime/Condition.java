package lockstep.runtime;

import lockstep.runtime.Cell.Suspended;
import lockstep.runtime.Cell.Tx;

import java.util.concurrent.CompletableFuture;

/**
 * asyncio.Condition for threads, with its own lock: {@link lockstep.core.Condition} and
 * {@link lockstep.core.Lock} in one snapshot, so that wait() releases the lock and queues
 * in one step. As in CPython 3.12, wait() always takes the lock back before it ends, even
 * when cancelled, and a notified waiter that is cancelled does not pass the notification on.
 */
public final class Condition {
    /** The lock and the condition's queue. */
    record State(lockstep.core.Lock lock, lockstep.core.Condition cond) {
        State with(lockstep.core.Lock l) { return new State(l, cond); }
        State with(lockstep.core.Condition c) { return new State(lock, c); }
    }

    /** Where a suspended call goes on. */
    private enum At { ACQUIRE, WAIT, REACQUIRE, REACQUIRE_CANCELLED }

    private final Cell<State> cell;

    public Condition() { this(Cell.CAS); }

    Condition(Cell.Install install) {
        cell = new Cell<>(new State(lockstep.core.Lock.NEW, lockstep.core.Condition.over(0)), Condition::resume, install);
    }

    /** Lock.acquire() of the underlying lock. */
    public CompletableFuture<Boolean> acquire() {
        Call<Boolean> call = new Call<>(cell);
        cell.apply(tx -> {
            acquire(tx, call, At.ACQUIRE);
            return null;
        });
        return call;
    }

    public void release() { cell.apply(tx -> tx.core = tx.core.with(tx.wake(tx.core.lock().release(tx)))); }

    public boolean locked() { return state().lock().locked(); }

    /**
     * wait(): with the lock held, release it and wait for a notification; completes with
     * true, or cancelled, once the lock is held again. RuntimeError if the lock is not held.
     */
    public CompletableFuture<Boolean> await() {
        Call<Boolean> call = new Call<>(cell);
        cell.apply(tx -> {
            lockstep.core.Condition.checkCanWait(tx.core.lock().locked());
            tx.core = tx.core.with(tx.wake(tx.core.lock().release(tx)));
            tx.core = tx.core.with(tx.core.cond().enqueue(tx.suspend(call, At.WAIT)));
            return null;
        });
        return call;
    }

    /** Wakes the first {@code n} waiters; RuntimeError if the lock is not held. */
    public void notify(int n) {
        cell.apply(tx -> tx.core = tx.core.with(tx.wake(tx.core.cond().notify(tx.core.lock().locked(), n, tx))));
    }

    public void notifyAllWaiters() {
        cell.apply(tx -> tx.core = tx.core.with(tx.wake(tx.core.cond().notifyAll(tx.core.lock().locked(), tx))));
    }

    /** Lock.acquire(): fast path, or queue on the lock at {@code at}. */
    private static void acquire(Tx<State> tx, Call<?> call, At at) {
        lockstep.core.Lock lock = tx.core.lock();
        if (lock.canTakeNow(tx)) {
            tx.core = tx.core.with(lock.take());
            finish(tx, call, at);
        } else {
            tx.core = tx.core.with(lock.enqueue(tx.suspend(call, at)));
        }
    }

    private static void resume(Tx<State> tx, Suspended s) {
        At at = (At) s.at();
        if (at == At.WAIT) {
            // finally: leave the condition's queue; then take the lock back, whatever happened.
            tx.core = tx.core.with(tx.core.cond().dequeue(s.fut()));
            acquire(tx, s.call(), s.cancelled() ? At.REACQUIRE_CANCELLED : At.REACQUIRE);
            return;
        }
        lockstep.core.Lock lock = tx.core.lock().dequeue(s.fut());
        if (!s.cancelled()) {
            tx.core = tx.core.with(lock.take());
            finish(tx, s.call(), at);
        } else {
            tx.core = tx.core.with(tx.wake(lock.cancelledWaiter(tx)));
            if (at == At.ACQUIRE) tx.cancel(s.call());
            else acquire(tx, s.call(), At.REACQUIRE_CANCELLED);   // wait() retries, CancelledError kept for later
        }
    }

    /** The lock is held: the call returns True, or raises the CancelledError it kept. */
    private static void finish(Tx<State> tx, Call<?> call, At at) {
        if (at == At.REACQUIRE_CANCELLED) tx.cancel(call);
        else tx.complete(call, true);
    }

    /** The core state, once no woken task is due. */
    State state() { return cell.apply(tx -> tx.core); }

    @Override public String toString() {
        State s = state();
        return "<Condition [" + s.cond().describe(s.lock().locked()) + "]>";
    }
}
