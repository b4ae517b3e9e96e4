package lockstep.core;

/**
 * asyncio.Condition as immutable state: the handle of its underlying lock and the FIFO
 * queue of notification futures. The lock's state lives in the lock itself; the methods
 * here are told whether it is held.
 */
public record Condition(int lock, Vec<Integer> waiters) {

    public static Condition over(int lock) {
        return new Condition(lock, Vec.of());
    }

    /** wait() may only be called with the lock held. */
    public static void checkCanWait(boolean lockHeld) {
        if (!lockHeld) throw new AsyncioError("RuntimeError", "cannot wait on un-acquired lock");
    }

    /** wait(), after releasing the lock, queues its notification future. */
    public Condition enqueue(int future) {
        return new Condition(lock, waiters.append(future));
    }

    /** A wait() that was notified or cancelled leaves the queue. */
    public Condition dequeue(int future) {
        return new Condition(lock, waiters.remove(future));
    }

    /**
     * notify(n): with the lock held, wake the first n waiters that are not done yet
     * (their wait() result is False). Done waiters are skipped and not counted.
     */
    public Step<Condition> notify(boolean lockHeld, long n, Futures f) {
        if (!lockHeld) throw new AsyncioError("RuntimeError", "cannot notify on un-acquired lock");
        return notifyWaiters(n, f);
    }

    /**
     * Wakes the first n waiters not done yet, the lock held or not: notify()'s work, and
     * from 3.13 what a wait() left by an exception does with n = 1
     * ({@link Delta#CONDITION_WAIT_PASSES_NOTIFICATION_ON}).
     */
    public Step<Condition> notifyWaiters(long n, Futures f) {
        Vec<Wake> wakes = Vec.of();
        for (int w : waiters) {
            if (wakes.size() >= n) break;
            if (!f.done(w)) wakes = wakes.append(new Wake(w, false));
        }
        return new Step<>(this, wakes);
    }

    /** notify_all() is notify(n) with n the number of queued waiters. */
    public Step<Condition> notifyAll(boolean lockHeld, Futures f) {
        return notify(lockHeld, waiters.size(), f);
    }

    /** The bracket of repr(): {@code locked}, {@code unlocked, waiters:1}. */
    public String describe(boolean lockHeld) {
        String s = lockHeld ? "locked" : "unlocked";
        return waiters.isEmpty() ? s : s + ", waiters:" + waiters.size();
    }
}
