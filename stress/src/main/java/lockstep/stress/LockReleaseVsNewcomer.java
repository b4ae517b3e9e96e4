package lockstep.stress;

import lockstep.runtime.Lock;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

import java.util.concurrent.CompletableFuture;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * release() races with a new acquire() while w1 waits: the lock goes to w1 (FIFO), and
 * the newcomer queues behind it, whichever runs first; it may not barge in.
 */
@JCStressTest
@Outcome(id = "true, pending, <Lock [locked, waiters:1]>", expect = ACCEPTABLE,
        desc = "w1 took the lock, the newcomer waits behind it")
@Outcome(expect = FORBIDDEN, desc = "FIFO fairness, mutual exclusion or no-lost-wakeup broken")
@State
public class LockReleaseVsNewcomer {
    final Lock lock = new Lock();
    final CompletableFuture<Boolean> w1;
    CompletableFuture<Boolean> newcomer;

    public LockReleaseVsNewcomer() {
        lock.acquire();
        w1 = lock.acquire();
    }

    @Actor public void release() { lock.release(); }

    @Actor public void newcomer() { newcomer = lock.acquire(); }

    @Arbiter public void arbiter(LLL_Result r) {
        r.r1 = Outcomes.of(w1);
        r.r2 = Outcomes.of(newcomer);
        r.r3 = lock.toString();
    }
}
