package lockstep.runtime;

import lockstep.runtime.Cell.Suspended;
import lockstep.runtime.Cell.Tx;

import java.util.concurrent.CompletableFuture;

/**
 * asyncio.Lock for threads, on {@link lockstep.core.Lock}: non-blocking, FIFO, and
 * cancellable as asyncio's is (see {@link Cell} for when a woken waiter takes the lock).
 */
public final class Lock {
    private final Cell<lockstep.core.Lock> cell;

    public Lock() { this(Cell.CAS); }

    Lock(Cell.Install install) { cell = new Cell<>(lockstep.core.Lock.NEW, Lock::resume, install); }

    /** Completes with true once the lock is ours: at once if free and nobody queued, else in turn. */
    public CompletableFuture<Boolean> acquire() {
        Call<Boolean> call = new Call<>(cell);
        cell.apply(tx -> {
            if (tx.core.canTakeNow(tx)) {
                tx.core = tx.core.take();
                tx.complete(call, true);
            } else {
                tx.core = tx.core.enqueue(tx.suspend(call, null));
            }
            return null;
        });
        return call;
    }

    /** After {@code await fut}: leave the queue and take the lock, or, cancelled, pass the turn on. */
    private static void resume(Tx<lockstep.core.Lock> tx, Suspended s) {
        tx.core = tx.core.dequeue(s.fut());
        if (s.cancelled()) {
            tx.core = tx.wake(tx.core.cancelledWaiter(tx));
            tx.cancel(s.call());
        } else {
            tx.core = tx.core.take();
            tx.complete(s.call(), true);
        }
    }

    /** Unlocks and wakes the first waiter; RuntimeError (AsyncioError) if not locked. */
    public void release() {
        cell.apply(tx -> tx.core = tx.wake(tx.core.release(tx)));
    }

    public boolean locked() { return state().locked(); }

    /** The core state, once no woken task is due. */
    lockstep.core.Lock state() { return cell.apply(tx -> tx.core); }

    @Override public String toString() { return "<Lock [" + state().describe() + "]>"; }
}
