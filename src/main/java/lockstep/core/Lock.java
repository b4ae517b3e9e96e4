package lockstep.core;

/**
 * asyncio.Lock as immutable state. A lock is locked or not, and keeps a FIFO queue of
 * waiter futures. Only the first waiter is ever woken; a woken waiter takes the lock
 * when its task runs, and a cancelled one passes its turn on. {@code hasQueue}: CPython
 * creates the deque {@code _waiters} at the first blocked acquire(); before that
 * {@code lock._waiters} is None.
 */
public record Lock(boolean locked, Vec<Integer> waiters, boolean hasQueue) {
    public static final Lock NEW = new Lock(false, Vec.of(), false);

    /**
     * acquire()'s fast path: taken at once only if the lock is free and every queued
     * waiter is already cancelled (a pending or woken waiter keeps its place).
     */
    public boolean canTakeNow(Futures f) {
        return !locked && waiters.all(f::cancelled);
    }

    /** The caller now holds the lock. */
    public Lock take() {
        return new Lock(true, waiters, hasQueue);
    }

    /** A blocked acquire() queues its future at the back. */
    public Lock enqueue(int future) {
        return new Lock(locked, waiters.append(future), true);
    }

    /** An acquire() that stopped waiting (woken or cancelled) leaves the queue. */
    public Lock dequeue(int future) {
        return new Lock(locked, waiters.remove(future), hasQueue);
    }

    /** release(): unlock and wake the first waiter. Releasing a free lock is an error. */
    public Step<Lock> release(Futures f) {
        if (!locked) throw new AsyncioError("RuntimeError", "Lock is not acquired.");
        return new Lock(false, waiters, hasQueue).wakeUpFirst(f);
    }

    /**
     * An acquire() cancelled while queued: if the lock is free, the next waiter gets the
     * turn this one may have been given, so no wakeup is lost.
     */
    public Step<Lock> cancelledWaiter(Futures f) {
        return locked ? Step.of(this) : wakeUpFirst(f);
    }

    /** Wakes the first waiter unless it is already done; never looks further. */
    private Step<Lock> wakeUpFirst(Futures f) {
        if (waiters.isEmpty()) return Step.of(this);
        int first = waiters.first();
        return f.done(first) ? Step.of(this) : Step.of(this, new Wake(first, true));
    }

    /** The bracket of repr(): {@code locked}, {@code unlocked, waiters:2}. */
    public String describe() {
        String s = locked ? "locked" : "unlocked";
        return waiters.isEmpty() ? s : s + ", waiters:" + waiters.size();
    }
}
