package lockstep.runtime;

import lockstep.runtime.Cell.Fut;
import lockstep.runtime.Cell.Suspended;
import lockstep.runtime.Cell.Tx;

import java.util.concurrent.CompletableFuture;

/**
 * asyncio.Semaphore for threads, on {@link lockstep.core.Semaphore}: a unit is taken at
 * once only when nobody is queued (FIFO); a woken waiter that is cancelled gives its unit
 * back.
 */
public class Semaphore {
    private final Cell<lockstep.core.Semaphore> cell;

    public Semaphore(long value) { this(value, false, Cell.CAS); }

    Semaphore(long value, boolean bounded, Cell.Install install) {
        cell = new Cell<>(lockstep.core.Semaphore.create(value, bounded, lockstep.core.PyVersion.DEFAULT), Semaphore::resume, install);
    }

    /** Completes with true once a unit is ours. */
    public CompletableFuture<Boolean> acquire() {
        Call<Boolean> call = new Call<>(cell);
        cell.apply(tx -> {
            if (!tx.core.locked(tx)) {
                tx.core = tx.core.take();
                tx.complete(call, true);
            } else {
                tx.core = tx.core.enqueue(tx.suspend(call, null));
            }
            return null;
        });
        return call;
    }

    /** After {@code await fut}: leave the queue; then either hand spare units on, or give ours back. */
    private static void resume(Tx<lockstep.core.Semaphore> tx, Suspended s) {
        tx.core = tx.core.dequeue(s.fut());
        if (s.cancelled()) {
            tx.core = tx.wake(tx.core.cancelledWaiter(s.state() != Fut.CANCELLED, tx));
            tx.cancel(s.call());
        } else {
            tx.core = tx.wake(tx.core.resumedWaiter(tx));
            tx.complete(s.call(), true);
        }
    }

    /** One more unit, handed to the first waiter; a BoundedSemaphore raises ValueError past its bound. */
    public void release() {
        cell.apply(tx -> tx.core = tx.wake(tx.core.release(tx)));
    }

    public boolean locked() { return cell.apply(tx -> tx.core.locked(tx)); }

    /** The core state, once no woken task is due. */
    lockstep.core.Semaphore state() { return cell.apply(tx -> tx.core); }

    @Override public String toString() {
        return "<" + getClass().getSimpleName() + " [" + cell.apply(tx -> tx.core.describe(tx)) + "]>";
    }
}
