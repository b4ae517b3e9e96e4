package lockstep.core;

/**
 * asyncio.Semaphore and BoundedSemaphore as immutable state: the counter, the FIFO queue
 * of waiter futures, and for a bounded semaphore its bound ({@code -1} when unbounded).
 * Waking a waiter takes one unit of the counter on its behalf, so a woken waiter that is
 * then cancelled must give it back. {@code hasQueue}: CPython creates the deque
 * {@code _waiters} at the first blocked acquire(); before that it is None.
 */
public record Semaphore(long value, Vec<Integer> waiters, long bound, boolean hasQueue) {

    /** A new semaphore; before 3.11 ({@link Delta#SEMAPHORE_BEFORE_REWRITE}) its queue exists from the start. */
    public static Semaphore create(long value, boolean bounded, PyVersion v) {
        if (value < 0) throw new AsyncioError("ValueError", "Semaphore initial value must be >= 0");
        return new Semaphore(value, Vec.of(), bounded ? value : -1, v.has(Delta.SEMAPHORE_BEFORE_REWRITE));
    }

    public boolean bounded() {
        return bound >= 0;
    }

    /** locked(): no unit left, or someone still queued who was not cancelled (before 3.11: no unit left). */
    public boolean locked(Futures f) {
        if (f.version().has(Delta.SEMAPHORE_BEFORE_REWRITE)) return value == 0;
        return value == 0 || waiters.any(w -> !f.cancelled(w));
    }

    /** Before 3.11, acquire() waits (again) while this holds. */
    public boolean empty() {
        return value <= 0;
    }

    /** acquire()'s fast path: take one unit. Only when not locked(). */
    public Semaphore take() {
        return new Semaphore(value - 1, waiters, bound, hasQueue);
    }

    /** A blocked acquire() queues its future at the back. */
    public Semaphore enqueue(int future) {
        return new Semaphore(value, waiters.append(future), bound, true);
    }

    /** An acquire() that stopped waiting leaves the queue. */
    public Semaphore dequeue(int future) {
        return new Semaphore(value, waiters.remove(future), bound, hasQueue);
    }

    /**
     * An acquire() interrupted by cancellation. If its future had already been woken
     * (so a unit was taken for it), the unit goes back and passes to the next waiter;
     * from 3.13 ({@link Delta#SEMAPHORE_WAKES_ALL_IT_CAN}) every unit left wakes a waiter,
     * woken or not.
     */
    public Step<Semaphore> cancelledWaiter(boolean futureWoken, Futures f) {
        Semaphore s = futureWoken ? new Semaphore(value + 1, waiters, bound, hasQueue) : this;
        if (f.version().has(Delta.SEMAPHORE_WAKES_ALL_IT_CAN)) return s.wakeUpWhileUnits(f);
        return futureWoken ? s.wakeUpNext(f) : Step.of(this);
    }

    /**
     * A woken acquire() resumes; units left over go on to the next waiter (from 3.13,
     * {@link Delta#SEMAPHORE_WAKES_ALL_IT_CAN}: to as many waiters as there are units).
     */
    public Step<Semaphore> resumedWaiter(Futures f) {
        if (f.version().has(Delta.SEMAPHORE_WAKES_ALL_IT_CAN)) return wakeUpWhileUnits(f);
        return value > 0 ? wakeUpNext(f) : Step.of(this);
    }

    /** One waiter not yet done woken per unit, in queue order, while units are left. */
    private Step<Semaphore> wakeUpWhileUnits(Futures f) {
        long left = value;
        Vec<Wake> wakes = Vec.of();
        for (int w : waiters) {
            if (left == 0) break;
            if (!f.done(w)) {
                left--;
                wakes = wakes.append(new Wake(w, true));
            }
        }
        return new Step<>(new Semaphore(left, waiters, bound, hasQueue), wakes);
    }

    /** release(): one more unit, handed to the first waiter not yet done. */
    public Step<Semaphore> release(Futures f) {
        if (bounded() && value >= bound) {
            throw new AsyncioError("ValueError", "BoundedSemaphore released too many times");
        }
        Semaphore s = new Semaphore(value + 1, waiters, bound, hasQueue);
        return f.version().has(Delta.SEMAPHORE_BEFORE_REWRITE) ? s.popNextWaiter(f) : s.wakeUpNext(f);
    }

    /**
     * Before 3.11: a waiter that leaves acquire() by an exception (its future cancelled
     * if it was not done) passes a wakeup on when a unit is there and it had been woken.
     */
    public Step<Semaphore> abandonedWaiter(boolean futureCancelled, Futures f) {
        return value > 0 && !futureCancelled ? popNextWaiter(f) : Step.of(this);
    }

    /** Before 3.11: waiters leave the queue from the front until one not done is woken; no unit is taken for it. */
    private Step<Semaphore> popNextWaiter(Futures f) {
        Vec<Integer> q = waiters;
        while (!q.isEmpty()) {
            int w = q.first();
            q = q.removeAt(0);
            if (!f.done(w)) return Step.of(new Semaphore(value, q, bound, hasQueue), new Wake(w, true));
        }
        return Step.of(new Semaphore(value, q, bound, hasQueue));
    }

    private Step<Semaphore> wakeUpNext(Futures f) {
        for (int w : waiters) {
            if (!f.done(w)) return Step.of(new Semaphore(value - 1, waiters, bound, hasQueue), new Wake(w, true));
        }
        return Step.of(this);
    }

    /** The bracket of repr(): {@code locked}, {@code unlocked, value:2, waiters:1}. */
    public String describe(Futures f) {
        String s = locked(f) ? "locked" : "unlocked, value:" + value;
        return waiters.isEmpty() ? s : s + ", waiters:" + waiters.size();
    }
}
