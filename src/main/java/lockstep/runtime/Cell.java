package lockstep.runtime;

import lockstep.core.Futures;
import lockstep.core.Step;
import lockstep.core.Vec;
import lockstep.core.Wake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The engine under every runtime primitive: one {@link AtomicReference} to an immutable
 * {@link Snapshot}, changed only by compare-and-set. A snapshot holds the primitive's core
 * record, the calls suspended on it (each on a waiter future named by an int, as in the
 * core) and asyncio's ready queue: the waiter futures that are done but whose task has
 * not run yet. Every change is one transition of the core computed on a private
 * {@link Tx}, installed by one CAS; its effects (completing callers' futures) run after.
 *
 * <p>"The task runs later": a wake only marks the waiter future done and queues it as
 * ready; the woken call's next step (the glue after {@code await fut}) is a separate CAS.
 * The thread that woke it runs it right after its own CAS, and so does any other thread
 * that finds it due first: every operation but {@code cancel} settles the ready queue
 * before acting. So the only thing that can come between a wake and the woken task's
 * step is a cancellation, exactly what asyncio allows when a timeout or another task
 * cancels a task that was woken but has not run yet (a Lock waiter then hands the lock
 * on, a Semaphore waiter gives its unit back and on). Each such outcome is also the
 * outcome of some order of whole operations, so the primitives stay linearizable; the
 * Barrier, where it would not be, runs the woken steps in the waking CAS instead.
 *
 * <p>The futures handed to callers are completed after the CAS that decided them, by the
 * thread that made it: a reader may see the new state a moment before the future is done,
 * never the other way round.
 */
final class Cell<S> {

    /** asyncio's state of a waiter future. */
    enum Fut { PENDING, DONE, CANCELLED }

    /**
     * A call suspended on waiter future {@code fut}: the caller's future, where the glue
     * goes on ({@code at}, the primitive's own marker), the waiter future's state, and
     * whether a cancel request came after the future was done (Task.cancel's must_cancel).
     */
    record Suspended(int fut, Call<?> call, Object at, Fut state, boolean mustCancel) {
        /** Whether the step runs with CancelledError raised at {@code await fut}. */
        boolean cancelled() { return state == Fut.CANCELLED || mustCancel; }
    }

    /** Everything a primitive is, at one instant. */
    record Snapshot<S>(S core, Vec<Suspended> suspended, Vec<Integer> ready) {}

    /** The glue after {@code await fut}: how a woken (or cancelled) call goes on. */
    interface Resume<S> { void resume(Tx<S> tx, Suspended step); }

    /** Installs a new snapshot. The real one is a CAS; the tests plug in a broken one. */
    interface Install { <T> boolean install(AtomicReference<T> ref, T expect, T next); }

    static final Install CAS = new Install() {
        @Override public <T> boolean install(AtomicReference<T> ref, T expect, T next) {
            return ref.compareAndSet(expect, next);
        }
    };

    private final AtomicReference<Snapshot<S>> ref;
    private final AtomicInteger ids = new AtomicInteger();
    private final Resume<S> resume;
    private final Install install;
    private final boolean wokenRunAtOnce;

    /**
     * With {@code wokenRunAtOnce}, the tasks a transition wakes take their step in the same
     * CAS: nothing, not even a cancellation, comes between. That is one of asyncio's
     * schedules too (the woken tasks run next); the Barrier needs it to stay linearizable,
     * since a party cancelled after the trip woke it but before it ran would leave a cycle
     * that no sequence of whole operations produces.
     */
    Cell(S core, Resume<S> resume, Install install, boolean wokenRunAtOnce) {
        this.ref = new AtomicReference<>(new Snapshot<>(core, Vec.of(), Vec.of()));
        this.resume = resume;
        this.install = install;
        this.wokenRunAtOnce = wokenRunAtOnce;
    }

    Cell(S core, Resume<S> resume, Install install) { this(core, resume, install, false); }

    /**
     * An operation: {@code op} runs on a settled snapshot (no task due) and its changes
     * are installed by one CAS, retried from scratch if another thread got there first.
     * An {@code AsyncioError} thrown by the core leaves everything unchanged.
     */
    <R> R apply(Function<Tx<S>, R> op) {
        while (true) {
            Snapshot<S> s = settled();
            Tx<S> tx = new Tx<>(this, s);
            R result = op.apply(tx);
            if (wokenRunAtOnce) tx.runDue();
            if (tx.unchanged(s) || install.install(ref, s, tx.snapshot())) {
                tx.runEffects();
                settled();
                return result;
            }
        }
    }

    /**
     * Task.cancel() for {@code call}: a pending waiter future is cancelled and its task
     * made due; a done one gets must_cancel. Either way the task's step raises
     * CancelledError. False if the call has already finished. (The same glue as the
     * interpreter's {@code Machine.cancelTask}, on this snapshot's view of the futures.)
     */
    boolean cancel(Call<?> call) {
        while (true) {
            Snapshot<S> s = ref.get();
            int i = indexOf(s.suspended(), call);
            if (i < 0) return false;
            Suspended w = s.suspended().get(i);
            if (w.cancelled()) return true;   // already requested, its step not run yet
            Snapshot<S> next = w.state() == Fut.PENDING
                    ? new Snapshot<>(s.core(), s.suspended().set(i, new Suspended(w.fut(), call, w.at(), Fut.CANCELLED, false)),
                                     s.ready().append(w.fut()))
                    : new Snapshot<>(s.core(), s.suspended().set(i, new Suspended(w.fut(), call, w.at(), w.state(), true)),
                                     s.ready());
            Tx<S> tx = null;
            if (wokenRunAtOnce) {
                tx = new Tx<>(this, next);
                tx.runDue();
                next = tx.snapshot();
            }
            if (install.install(ref, s, next)) {
                if (tx != null) tx.runEffects();
                settled();
                return true;
            }
        }
    }

    /** Runs due tasks (the ready queue, in order) until none is left; returns that snapshot. */
    private Snapshot<S> settled() {
        while (true) {
            Snapshot<S> s = ref.get();
            if (s.ready().isEmpty()) return s;
            Tx<S> tx = new Tx<>(this, s);
            resume.resume(tx, tx.take(s.ready().first()));
            if (install.install(ref, s, tx.snapshot())) tx.runEffects();
        }
    }

    private static int indexOf(Vec<Suspended> suspended, Call<?> call) {
        for (int i = 0; i < suspended.size(); i++) if (suspended.get(i).call() == call) return i;
        return -1;
    }

    private static int indexOf(Vec<Suspended> suspended, int fut) {
        for (int i = 0; i < suspended.size(); i++) if (suspended.get(i).fut() == fut) return i;
        return -1;
    }

    /**
     * One attempt at a transition: a private copy of the snapshot that the glue updates
     * freely, plus the effects it decided. Discarded if its CAS fails. It is also the
     * {@link Futures} view the core asks about the waiter futures.
     */
    static final class Tx<S> implements Futures {
        private final Cell<S> cell;
        S core;
        private Vec<Suspended> suspended;
        private Vec<Integer> ready;
        private final List<Runnable> effects = new ArrayList<>();

        private Tx(Cell<S> cell, Snapshot<S> s) {
            this.cell = cell;
            this.core = s.core();
            this.suspended = s.suspended();
            this.ready = s.ready();
        }

        @Override public boolean done(int fut) {
            int i = indexOf(suspended, fut);
            return i < 0 || suspended.get(i).state() != Fut.PENDING;
        }

        @Override public boolean cancelled(int fut) {
            int i = indexOf(suspended, fut);
            return i >= 0 && suspended.get(i).state() == Fut.CANCELLED;
        }

        /** {@code call} suspends at {@code at} on a new waiter future, whose handle is returned. */
        int suspend(Call<?> call, Object at) {
            int fut = cell.ids.incrementAndGet();
            suspended = suspended.append(new Suspended(fut, call, at, Fut.PENDING, false));
            return fut;
        }

        /** Applies a core step: its wakes mark waiter futures done and make their tasks due. */
        <X> X wake(Step<X> step) {
            for (Wake w : step.wakes()) {
                int i = indexOf(suspended, w.future());
                Suspended s = suspended.get(i);
                suspended = suspended.set(i, new Suspended(s.fut(), s.call(), s.at(), Fut.DONE, s.mustCancel()));
                ready = ready.append(w.future());
            }
            return step.state();
        }

        /** Runs the steps of every due task (the ready queue, in order), within this attempt. */
        void runDue() {
            while (!ready.isEmpty()) cell.resume.resume(this, take(ready.first()));
        }

        /** The due task of {@code fut} starts its step: it is no longer suspended. */
        private Suspended take(int fut) {
            int i = indexOf(suspended, fut);
            Suspended s = suspended.get(i);
            suspended = suspended.removeAt(i);
            ready = ready.remove(fut);
            return s;
        }

        /** The call returns {@code value} (after the CAS). */
        void complete(Call<?> call, Object value) { effects.add(() -> call.finish(value)); }

        /** The call raises {@code error} (after the CAS). */
        void fail(Call<?> call, Throwable error) { effects.add(() -> call.fail(error)); }

        /** The call ends with CancelledError (after the CAS). */
        void cancel(Call<?> call) { effects.add(call::cancelled); }

        private boolean unchanged(Snapshot<S> s) {
            return core == s.core() && suspended == s.suspended() && ready == s.ready();
        }

        private Snapshot<S> snapshot() { return new Snapshot<>(core, suspended, ready); }

        private void runEffects() { effects.forEach(Runnable::run); }
    }
}
