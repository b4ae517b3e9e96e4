package lockstep.stress;

import lockstep.runtime.Semaphore;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLLL_Result;

import java.util.concurrent.CompletableFuture;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * release() on Semaphore(0) races with the cancellation of the head waiter w1: if w1 was
 * woken and then cancelled, the unit taken for it goes back and on to w2.
 */
@JCStressTest
@Outcome(id = "true, cancelled, true, <Semaphore [locked]>", expect = ACCEPTABLE,
        desc = "cancel won (before or after the wake): the unit went to w2")
@Outcome(id = "false, true, pending, <Semaphore [locked, waiters:1]>", expect = ACCEPTABLE,
        desc = "release won: w1 has the unit, w2 waits")
@Outcome(expect = FORBIDDEN, desc = "unit lost or duplicated, or FIFO broken")
@State
public class SemaphoreReleaseVsCancelHead {
    final Semaphore sem = new Semaphore(0);
    final CompletableFuture<Boolean> w1 = sem.acquire(), w2 = sem.acquire();

    @Actor public void release() { sem.release(); }

    @Actor public void cancel(LLLL_Result r) { r.r1 = String.valueOf(w1.cancel(false)); }

    @Arbiter public void arbiter(LLLL_Result r) {
        r.r2 = Outcomes.of(w1);
        r.r3 = Outcomes.of(w2);
        r.r4 = sem.toString();
    }
}
