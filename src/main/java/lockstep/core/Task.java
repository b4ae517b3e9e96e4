package lockstep.core;

/**
 * The cancellation bookkeeping of an asyncio.Task (3.12): how many cancel requests are
 * outstanding, whether a CancelledError must be thrown at the next step, with which
 * message, and the future the task is blocked on ({@code -1} when none). The task's
 * coroutine and its future part live beside it.
 */
public record Task(String name, int cancelRequests, boolean mustCancel, Object cancelMessage, int waitingOn) {

    public static Task named(String name) {
        return new Task(name, 0, false, null, -1);
    }

    /** cancel() on a task not done: one more request, before anything else happens. */
    public Task requestCancel() {
        return new Task(name, cancelRequests + 1, mustCancel, cancelMessage, waitingOn);
    }

    /** cancel() could not cancel the awaited future: throw at the next step instead. */
    public Task cancelAtNextStep(Object msg) {
        return new Task(name, cancelRequests, true, msg, waitingOn);
    }

    /**
     * uncancel(): one request fewer, never below zero. From 3.13
     * ({@link Delta#UNCANCEL_CLEARS_PENDING_CANCEL}) reaching zero also drops a
     * cancellation not yet thrown into the coroutine.
     */
    public Task uncancel(PyVersion v) {
        int left = Math.max(0, cancelRequests - 1);
        boolean clears = cancelRequests > 0 && left == 0 && v.has(Delta.UNCANCEL_CLEARS_PENDING_CANCEL);
        return new Task(name, left, mustCancel && !clears, cancelMessage, waitingOn);
    }

    /** A step starts: the pending cancellation (if any) is consumed and the task no longer waits. */
    public Task startStep() {
        return new Task(name, cancelRequests, false, cancelMessage, -1);
    }

    /** The step ended blocked on {@code future}. */
    public Task blockOn(int future) {
        return new Task(name, cancelRequests, mustCancel, cancelMessage, future);
    }

    /** The awaited future accepted a deferred cancellation. */
    public Task cancellationDelivered() {
        return new Task(name, cancelRequests, false, cancelMessage, waitingOn);
    }

    public Task renamed(String newName) {
        return new Task(newName, cancelRequests, mustCancel, cancelMessage, waitingOn);
    }
}
