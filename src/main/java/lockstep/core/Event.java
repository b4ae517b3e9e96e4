package lockstep.core;

/**
 * asyncio.Event as immutable state: a flag and the futures of the tasks waiting for it.
 * set() wakes every waiter at once; clear() wakes nobody.
 */
public record Event(boolean value, Vec<Integer> waiters) {
    public static final Event NEW = new Event(false, Vec.of());

    /** set(): raise the flag and wake every waiter not yet done. No-op if already set. */
    public Step<Event> set(Futures f) {
        if (value) return Step.of(this);
        Vec<Wake> wakes = Vec.of();
        for (int w : waiters) if (!f.done(w)) wakes = wakes.append(new Wake(w, true));
        return new Step<>(new Event(true, waiters), wakes);
    }

    /** clear(): lower the flag; waiters already woken stay woken. */
    public Event clear() {
        return new Event(false, waiters);
    }

    /** wait() on a lowered flag queues its future. */
    public Event enqueue(int future) {
        return new Event(value, waiters.append(future));
    }

    /** A wait() that ended, however, leaves the queue. */
    public Event dequeue(int future) {
        return new Event(value, waiters.remove(future));
    }

    /** The bracket of repr(): {@code set}, {@code unset, waiters:1}. */
    public String describe() {
        String s = value ? "set" : "unset";
        return waiters.isEmpty() ? s : s + ", waiters:" + waiters.size();
    }
}
