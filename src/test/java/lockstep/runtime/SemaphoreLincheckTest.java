package lockstep.runtime;

import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.annotations.Validate;
import org.jetbrains.kotlinx.lincheck.paramgen.ThreadIdGen;
import org.junit.jupiter.api.Test;

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

    @Test void modelChecking() { Lincheck.modelChecking(getClass()); }

    @Test void stress() { Lincheck.stress(getClass()); }
}
