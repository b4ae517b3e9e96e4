package lockstep.runtime;

import lockstep.runtime.Cell.Suspended;
import lockstep.runtime.Cell.Tx;

import java.util.concurrent.CompletableFuture;

/** asyncio.Event for threads, on {@link lockstep.core.Event}. */
public final class Event {
    private final Cell<lockstep.core.Event> cell;

    public Event() { this(Cell.CAS); }

    Event(Cell.Install install) { cell = new Cell<>(lockstep.core.Event.NEW, Event::resume, install); }

    /** Completes with true once the flag is set (at once if it is). */
    public CompletableFuture<Boolean> await() {
        Call<Boolean> call = new Call<>(cell);
        cell.apply(tx -> {
            if (tx.core.value()) tx.complete(call, true);
            else tx.core = tx.core.enqueue(tx.suspend(call, null));
            return null;
        });
        return call;
    }

    /** After {@code await fut}: leave the queue, return True or raise CancelledError. */
    private static void resume(Tx<lockstep.core.Event> tx, Suspended s) {
        tx.core = tx.core.dequeue(s.fut());
        if (s.cancelled()) tx.cancel(s.call());
        else tx.complete(s.call(), true);
    }

    /** Sets the flag and wakes every waiter. */
    public void set() { cell.apply(tx -> tx.core = tx.wake(tx.core.set(tx))); }

    /** Lowers the flag; waiters already woken stay woken. */
    public void clear() { cell.apply(tx -> tx.core = tx.core.clear()); }

    public boolean isSet() { return state().value(); }

    /** The core state, once no woken task is due. */
    lockstep.core.Event state() { return cell.apply(tx -> tx.core); }

    @Override public String toString() { return "<Event [" + state().describe() + "]>"; }
}
