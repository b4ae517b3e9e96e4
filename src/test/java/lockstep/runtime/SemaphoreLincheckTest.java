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
 * {@link Semaphore} is linearizable, cancellation included; at rest, units are conserved
 * (a woken-then-cancelled waiter gave its unit back), the value stays in bounds and no
 * call waits while units are left.
 */
public class SemaphoreLincheckTest {
    final Semaphore sem = newSemaphore();
    private final Calls calls = new Calls();
    private final AtomicInteger releases = new AtomicInteger();

    Semaphore newSemaphore() { return new Semaphore(1); }

    long initial() { return 1; }

    @Operation public void acquire(@Param(gen = ThreadIdGen.class) int me) { calls.add(me, sem.acquire()); }

    @Operation public String release() {
        String r = Calls.run(sem::release);
        if (r.equals("ok")) releases.incrementAndGet();
        return r;
    }

    @Operation public boolean cancel(@Param(gen = ThreadIdGen.class) int me) { return calls.cancelLatest(me); }

    @Operation public String state() { return sem.toString(); }

    @Validate public void atRest() {
        lockstep.core.Semaphore s = sem.state();
        check(s.value() + calls.count("true") - releases.get() == initial(), "units not conserved: " + sem);
        check(s.value() >= 0 && (!s.bounded() || s.value() <= s.bound()), "semaphore bounds: " + sem);
        check(s.value() == 0 || calls.count("pending") == 0, "lost wakeup: a call waits while units are left, " + sem);
    }

    /** The races that matter, explored in every interleaving before the random scenarios. */
    List<Lincheck.Race> races() {
        return List.of(
                // release() vs. cancellation of the head waiter: a woken-then-cancelled waiter gives its unit back and on
                allTakenThenTwoWaiters().thread(0, "release").thread(1, "cancel", 1).post("state"),
                // two releases vs. two waiters
                allTakenThenTwoWaiters().thread(0, "release").thread(1, "release").post("state"),
                // two releases vs. two new acquires
                allTaken().thread(0, "release").thread(0, "acquire", 1).thread(1, "acquire", 2).thread(1, "release")
                        .post("state"));
    }

    /** Every unit taken (by slots 4, 5, ...). */
    private Lincheck.Race allTaken() {
        Lincheck.Race r = new Lincheck.Race(getClass());
        for (int i = 0; i < initial(); i++) r.init("acquire", 4 + i);
        return r;
    }

    /** Every unit taken, then slot 1 and slot 2 waiting, in this order. */
    private Lincheck.Race allTakenThenTwoWaiters() { return allTaken().init("acquire", 1).init("acquire", 2); }

    @Test void modelChecking() { Lincheck.modelChecking(getClass(), races()); }

    @Test void stress() { Lincheck.stress(getClass(), races()); }
}
