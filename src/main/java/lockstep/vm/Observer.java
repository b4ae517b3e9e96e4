package lockstep.vm;

import lockstep.core.Barrier;
import lockstep.core.Lock;
import lockstep.core.Semaphore;
import lockstep.core.Vec;
import lockstep.core.Wake;

/**
 * Whoever watches a run — the explorer's invariant monitors — hears of the transitions
 * that an invariant is about, and keeps what it remembers outside the heap. Its state is
 * still part of the run's state: it is copied with the machine ({@link #copy}) and goes
 * into the state's fingerprint ({@link #fingerprint}), because two runs that reach the same
 * heap with different histories may still differ in what a monitor will report.
 * <p>
 * The VM calls it where the rule of a primitive is applied, with the states involved;
 * it never changes what the run does.
 */
public interface Observer {

    /** A task takes {@code lock} (state {@code before}) as waiter {@code fut} (-1: at once). */
    default void lockTaken(Machine m, int lock, Lock before, int fut) {}

    /** The current task (or callback) releases {@code lock}. */
    default void lockReleased(Machine m, int lock) {}

    /** {@code sem} has a new state (after a take, a release, a waiter's change). */
    default void semaphoreChanged(Machine m, int sem, Semaphore now) {}

    /** A woken waiter {@code fut} of {@code sem} (state {@code s}) resumes and takes its unit. */
    default void semaphoreResumed(Machine m, int sem, Semaphore s, int fut) {}

    /** {@code notify(n)} on condition {@code cond} woke these waiters ({@code notify_all} is not reported: a broadcast cannot be lost). */
    default void notified(Machine m, int cond, Vec<Wake> woken) {}

    /** Waiter {@code fut} of condition {@code cond} was notified and then cancelled (the current task): its notification goes with it. */
    default void notificationLost(Machine m, int cond, int fut) {}

    /** The current task arrives at {@code barrier}. */
    default void barrierArrived(Machine m, int barrier) {}

    /** The current task leaves {@code barrier}'s wait() with {@code index} (barrier state {@code s}). */
    default void barrierPassed(Machine m, int barrier, Barrier s, long index) {}

    /** The current task leaves {@code barrier} (passed, failed or cancelled): state {@code before} to {@code after}. */
    default void barrierLeft(Machine m, int barrier, Barrier before, Barrier after) {}

    /** {@code barrier} was reset or aborted: the tasks inside must fail. */
    default void barrierInterrupted(Machine m, int barrier) {}

    /**
     * The run's tasks are left as they are for good: at a deadlock (nothing ready, no timer),
     * and when main() is done, before asyncio.run cancels the tasks left over.
     */
    default void runEnding(Machine m) {}

    /** An {@code assert} failed. */
    default void assertFailed(Machine m, String where) {}

    /** An independent copy, for a copy of the run. */
    Observer copy();

    /** Feeds what this observer remembers into a state fingerprint (see {@link Canon}). */
    void fingerprint(Canon canon);

    /** Watches nothing and remembers nothing. */
    Observer NONE = new Observer() {
        @Override public Observer copy() { return this; }
        @Override public void fingerprint(Canon canon) {}
    };
}
