package lockstep.runtime;

import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.annotations.Validate;
import org.jetbrains.kotlinx.lincheck.paramgen.ThreadIdGen;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static lockstep.runtime.Calls.check;

/** {@link Lock} is linearizable, cancellation included; at rest, mutual exclusion and no lost wakeup hold. */
public class LockLincheckTest {
    final Lock lock = newLock();
    private final Calls calls = new Calls();
    private final AtomicInteger releases = new AtomicInteger();

    Lock newLock() { return new Lock(); }

    @Operation public void acquire(@Param(gen = ThreadIdGen.class) int me) { calls.add(me, lock.acquire()); }

    @Operation public String release() {
        String r = Calls.run(lock::release);
        if (r.equals("ok")) releases.incrementAndGet();
        return r;
    }

    /** Cancels this thread's latest acquire(): races with release() waking it. */
    @Operation public boolean cancel(@Param(gen = ThreadIdGen.class) int me) { return calls.cancelLatest(me); }

    @Operation public String state() { return lock.toString(); }

    @Validate public void atRest() {
        long held = calls.count("true") - releases.get();
        check(held == (lock.locked() ? 1 : 0), "mutual exclusion: " + held + " holders, " + lock);
        check(lock.locked() || calls.count("pending") == 0, "lost wakeup: a call waits on a free lock, " + lock);
    }

    /** The races that matter, explored in every interleaving before the random scenarios. */
    List<Lincheck.Race> races() {
        Class<?> me = getClass();
        return List.of(
                // release() vs. cancellation of the head waiter (slot 1), slot 2 queued behind it
                new Lincheck.Race(me).init("acquire", 0).init("acquire", 1).init("acquire", 2)
                        .thread(0, "release").thread(1, "cancel", 1).post("state"),
                // two releases vs. two waiters
                new Lincheck.Race(me).init("acquire", 0).init("acquire", 1).init("acquire", 2)
                        .thread(0, "release").thread(1, "release").post("state"),
                // release() vs. a newcomer while slot 1 waits: FIFO
                new Lincheck.Race(me).init("acquire", 0).init("acquire", 1)
                        .thread(0, "release").thread(1, "acquire", 2).thread(1, "state").post("state"));
    }

    @Test void modelChecking() { Lincheck.modelChecking(getClass(), races()); }

    @Test void stress() { Lincheck.stress(getClass(), races()); }
}
