package lockstep.stress;

import lockstep.runtime.Semaphore;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

import java.util.concurrent.CompletableFuture;

import static org.openjdk.jcstress.annotations.Expect.*;

/** Two release() at once on Semaphore(0) with two waiters: each waiter gets one unit, none is left over or lost. */
@JCStressTest
@Outcome(id = "true, true, <Semaphore [locked]>", expect = ACCEPTABLE, desc = "both waiters got a unit")
@Outcome(expect = FORBIDDEN, desc = "a release was lost (lost wakeup) or units not conserved")
@State
public class SemaphoreTwoReleasesTwoWaiters {
    final Semaphore sem = new Semaphore(0);
    final CompletableFuture<Boolean> w1 = sem.acquire(), w2 = sem.acquire();

    @Actor public void release1() { sem.release(); }

    @Actor public void release2() { sem.release(); }

    @Arbiter public void arbiter(LLL_Result r) {
        r.r1 = Outcomes.of(w1);
        r.r2 = Outcomes.of(w2);
        r.r3 = sem.toString();
    }
}
