package lockstep.runtime;

import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.annotations.Validate;
import org.jetbrains.kotlinx.lincheck.paramgen.ThreadIdGen;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static lockstep.runtime.Calls.check;

/**
 * {@link Condition} is linearizable: acquire/release of its lock, wait() (which releases
 * it and takes it back, even when cancelled), notify(1), notify_all() and cancellation.
 * At rest the lock has at most one holder and nobody waits on a free lock.
 */
public class ConditionLincheckTest {
    private final Condition cond = new Condition();
    private final Calls calls = new Calls();
    private final AtomicInteger releases = new AtomicInteger();

    @Operation public void acquire(@Param(gen = ThreadIdGen.class) int me) { calls.add(me, "acquire", cond.acquire()); }

    @Operation public String release() {
        String r = Calls.run(cond::release);
        if (r.equals("ok")) releases.incrementAndGet();
        return r;
    }

    /** wait(): "ok" once queued, or the RuntimeError of waiting without the lock. */
    @Operation public String await(@Param(gen = ThreadIdGen.class) int me) {
        return Calls.run(() -> calls.add(me, "wait", cond.await()));
    }

    @Operation public String notifyOne() { return Calls.run(() -> cond.notify(1)); }

    @Operation public String notifyAllWaiters() { return Calls.run(cond::notifyAllWaiters); }

    @Operation public boolean cancel(@Param(gen = ThreadIdGen.class) int me) { return calls.cancelLatest(me); }

    @Operation public String state() {
        Condition.State s = cond.state();
        return s.cond().describe(s.lock().locked()) + " / lock " + s.lock().describe();
    }

    @Validate public void atRest() {
        Condition.State s = cond.state();
        // wait() releases the lock when it starts and always ends holding it again, cancelled or not.
        long held = calls.count("acquire", "true") - releases.get() - calls.count("wait", "pending");
        check(held == (s.lock().locked() ? 1 : 0), "mutual exclusion: " + held + " holders, " + s);
        check(s.lock().locked() || s.lock().waiters().isEmpty(), "lost wakeup: a call waits on a free lock, " + s);
    }

    /** The races that matter, explored in every interleaving before the random scenarios. */
    List<Lincheck.Race> races() {
        Class<?> me = getClass();
        return List.of(
                // notify(1) then release() vs. cancellation of the notified waiter (slot 0), slot 1 waiting behind
                new Lincheck.Race(me).init("acquire", 0).init("await", 0).init("acquire", 1).init("await", 1)
                        .init("acquire", 2)
                        .thread(0, "notifyOne").thread(0, "release").thread(1, "cancel", 0).post("state"),
                // notify_all() vs. a cancellation while the woken waiters take the lock back in turn
                new Lincheck.Race(me).init("acquire", 0).init("await", 0).init("acquire", 1).init("await", 1)
                        .init("acquire", 2)
                        .thread(0, "notifyAllWaiters").thread(0, "release").thread(1, "cancel", 1).post("release"));
    }

    @Test void modelChecking() { Lincheck.modelChecking(getClass(), races()); }

    @Test void stress() { Lincheck.stress(getClass(), races()); }
}
