package lockstep.stress;

import lockstep.runtime.Lock;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLLL_Result;

import java.util.concurrent.CompletableFuture;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * release() races with the cancellation of the head waiter w1 (w2 queued behind it). If
 * the cancel wins, even after release() woke w1 but before w1 ran, the lock goes on to w2
 * (asyncio's Lock.acquire passes a woken-then-cancelled turn on); if it loses, w1 holds
 * the lock. Never two holders, never w2 before w1, never a free lock with w2 still waiting.
 */
@JCStressTest
@Outcome(id = "true, cancelled, true, <Lock [locked]>", expect = ACCEPTABLE,
        desc = "cancel won (before or after the wake): w1 cancelled, the lock passed on to w2")
@Outcome(id = "false, true, pending, <Lock [locked, waiters:1]>", expect = ACCEPTABLE,
        desc = "release won: w1 holds the lock, w2 waits")
@Outcome(expect = FORBIDDEN, desc = "mutual exclusion, FIFO or no-lost-wakeup broken")
@State
public class LockReleaseVsCancelHead {
    final Lock lock = new Lock();
    final CompletableFuture<Boolean> w1, w2;

    public LockReleaseVsCancelHead() {
        lock.acquire();
        w1 = lock.acquire();
        w2 = lock.acquire();
    }

    @Actor public void release() { lock.release(); }

    @Actor public void cancel(LLLL_Result r) { r.r1 = w1.cancel(false); }

    @Arbiter public void arbiter(LLLL_Result r) {
        r.r2 = Outcomes.of(w1);
        r.r3 = Outcomes.of(w2);
        r.r4 = lock.toString();
    }
}
