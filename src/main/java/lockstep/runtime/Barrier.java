package lockstep.runtime;

import lockstep.core.AsyncioError;
import lockstep.runtime.Cell.Suspended;
import lockstep.runtime.Cell.Tx;

import java.util.concurrent.CompletableFuture;

/**
 * asyncio.Barrier for threads, on {@link lockstep.core.Barrier} and the Condition it waits
 * on, in one snapshot. CPython holds the barrier's lock only between awaits, so here it is
 * held only inside one CAS: it is always free between them and never waited for, and the
 * Condition is told it is held. The parties a trip, reset() or abort() wakes take their
 * step in the same CAS (see {@link Cell}): a cycle's parties pass, or fail, together;
 * cancelling a party that is still waiting makes it leave.
 */
public final class Barrier {
    record State(lockstep.core.Barrier barrier, lockstep.core.Condition cond) {
        State with(lockstep.core.Barrier b) { return new State(b, cond); }
        State with(lockstep.core.Condition c) { return new State(barrier, c); }
    }

    /** Waiting to be admitted (the previous cycle drains or resets). */
    private static final Object ADMIT = "admit";

    /** Arrived with this index, waiting for the barrier to trip. */
    private record Tripped(int index) {}

    private final Cell<State> cell;

    /** ValueError (AsyncioError) if {@code parties} < 1. */
    public Barrier(int parties) { this(parties, Cell.CAS); }

    Barrier(int parties, Cell.Install install) {
        cell = new Cell<>(new State(lockstep.core.Barrier.create(0, parties, lockstep.core.PyVersion.DEFAULT), lockstep.core.Condition.over(0)),
                Barrier::resume, install, true);
    }

    /**
     * wait(): completes with this party's arrival index once all parties arrived, or fails
     * with AsyncioError("BrokenBarrierError", ...) if the barrier is aborted or reset.
     */
    public CompletableFuture<Integer> await() {
        Call<Integer> call = new Call<>(cell);
        cell.apply(tx -> {
            admit(tx, call);
            return null;
        });
        return call;
    }

    /** Arrivals wait while the barrier drains or resets; then arrive, and trip it if last. */
    private static void admit(Tx<State> tx, Call<?> call) {
        lockstep.core.Barrier b = tx.core.barrier();
        if (!b.admitsArrivals()) {
            waitCond(tx, call, ADMIT);
        } else if (b.broken()) {
            tx.fail(call, new AsyncioError("BrokenBarrierError", "Barrier aborted"));
        } else {
            int index = b.arrivalIndex();
            tx.core = tx.core.with(b.arrive());
            if (tx.core.barrier().isLast(index)) {
                tx.core = tx.core.with(tx.core.barrier().drain());
                notifyAll(tx);
                leave(tx);
                tx.complete(call, index);
            } else {
                waitCond(tx, call, new Tripped(index));
            }
        }
    }

    private static void resume(Tx<State> tx, Suspended s) {
        tx.core = tx.core.with(tx.core.cond().dequeue(s.fut()));
        lockstep.core.Barrier b = tx.core.barrier();
        if (s.at() == ADMIT) {
            if (s.cancelled()) tx.cancel(s.call());   // not arrived yet: nothing to undo
            else admit(tx, s.call());
        } else if (s.cancelled()) {
            leave(tx);                                 // an arrived party leaves
            tx.cancel(s.call());
        } else if (!b.tripped()) {
            waitCond(tx, s.call(), s.at());
        } else {
            boolean fails = b.failsWaiters();
            leave(tx);
            if (fails) tx.fail(s.call(), new AsyncioError("BrokenBarrierError", "Abort or reset of barrier"));
            else tx.complete(s.call(), ((Tripped) s.at()).index());
        }
    }

    private static void waitCond(Tx<State> tx, Call<?> call, Object at) {
        lockstep.core.Condition.checkCanWait(true);
        tx.core = tx.core.with(tx.core.cond().enqueue(tx.suspend(call, at)));
    }

    /** A party leaves; the last one out lets the next cycle in. */
    private static void leave(Tx<State> tx) {
        tx.core = tx.core.with(tx.core.barrier().leave());
        if (tx.core.barrier().allLeft()) notifyAll(tx);
    }

    private static void notifyAll(Tx<State> tx) {
        tx.core = tx.core.with(tx.wake(tx.core.cond().notifyAll(true, tx)));
    }

    /** Waiting parties fail with BrokenBarrierError; the barrier then fills again. */
    public void reset() {
        cell.apply(tx -> {
            tx.core = tx.core.with(tx.core.barrier().reset());
            notifyAll(tx);
            return null;
        });
    }

    /** Breaks the barrier for every present and future party. */
    public void abort() {
        cell.apply(tx -> {
            tx.core = tx.core.with(tx.core.barrier().abort());
            notifyAll(tx);
            return null;
        });
    }

    public long parties() { return state().barrier().parties(); }

    public int nWaiting() { return state().barrier().nWaiting(); }

    public boolean broken() { return state().barrier().broken(); }

    /** The core state, once no woken task is due. */
    State state() { return cell.apply(tx -> tx.core); }

    @Override public String toString() { return "<Barrier [" + state().barrier().describe() + "]>"; }
}
