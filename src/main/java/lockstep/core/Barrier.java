package lockstep.core;

/**
 * asyncio.Barrier as immutable state. Parties arrive while the barrier is FILLING; the
 * last one switches it to DRAINING and every party leaves with its arrival index; when
 * the last one has left it fills again. reset() drains it through RESETTING, abort()
 * breaks it for good. The barrier's Condition (handle {@code cond}) carries the waiting.
 */
public record Barrier(int cond, long parties, Phase phase, int count) {

    /** The barrier's phases, named as CPython's repr shows them. */
    public enum Phase {
        FILLING("filling"), DRAINING("draining"), RESETTING("resetting"), BROKEN("broken");
        public final String value;
        Phase(String value) { this.value = value; }
    }

    public static Barrier create(int cond, long parties, PyVersion v) {
        checkParties(parties, v);
        return new Barrier(cond, parties, Phase.FILLING, 0);
    }

    /** Barrier(parties) needs at least one party (the message changed in 3.13: {@link Delta#BARRIER_PARTIES_MESSAGE}). */
    public static void checkParties(long parties, PyVersion v) {
        if (parties < 1) {
            throw new AsyncioError("ValueError", v.has(Delta.BARRIER_PARTIES_MESSAGE) ? "parties must be >= 1" : "parties must be > 0");
        }
    }

    /** A new arrival must wait while the previous cycle drains or resets. */
    public boolean admitsArrivals() {
        return phase != Phase.DRAINING && phase != Phase.RESETTING;
    }

    public boolean broken() {
        return phase == Phase.BROKEN;
    }

    /** The index the next arrival gets: how many parties arrived before it in this cycle. */
    public int arrivalIndex() {
        return count;
    }

    /** Arrival: one more party, which got {@link #arrivalIndex()}. */
    public Barrier arrive() {
        return new Barrier(cond, parties, phase, count + 1);
    }

    /** Whether the party that got {@code index} is the last one of the cycle. */
    public boolean isLast(int index) {
        return index + 1 == parties;
    }

    /** The last party trips the barrier: everyone may leave (the caller notifies every waiter). */
    public Barrier drain() {
        return new Barrier(cond, parties, Phase.DRAINING, count);
    }

    /** A waiting party may go once the barrier is no longer filling. */
    public boolean tripped() {
        return phase != Phase.FILLING;
    }

    /** After waking: a broken or resetting barrier fails the party. */
    public boolean failsWaiters() {
        return phase == Phase.BROKEN || phase == Phase.RESETTING;
    }

    /**
     * A party leaves (normally or not). The last one to leave a draining or resetting
     * barrier makes it fill again (see {@link #allLeft}).
     */
    public Barrier leave() {
        int left = count - 1;
        Phase next = left == 0 && (phase == Phase.RESETTING || phase == Phase.DRAINING) ? Phase.FILLING : phase;
        return new Barrier(cond, parties, next, left);
    }

    /**
     * After {@link #leave}: whether the last party has left, so that every waiter must be
     * notified (arrivals held back while the cycle drained or reset may come in).
     */
    public boolean allLeft() {
        return count == 0;
    }

    /** reset(): waiting parties fail (the caller notifies every waiter); an empty barrier is simply filling again. */
    public Barrier reset() {
        return new Barrier(cond, parties, count > 0 ? Phase.RESETTING : Phase.FILLING, count);
    }

    /** abort(): broken for every present and future party (the caller notifies every waiter). */
    public Barrier abort() {
        return new Barrier(cond, parties, Phase.BROKEN, count);
    }

    /** n_waiting: parties waiting in a filling barrier, else 0. */
    public int nWaiting() {
        return phase == Phase.FILLING ? count : 0;
    }

    /** The bracket of repr(): {@code filling, waiters:1/3} or {@code broken}. */
    public String describe() {
        return broken() ? phase.value : phase.value + ", waiters:" + nWaiting() + "/" + parties;
    }
}
