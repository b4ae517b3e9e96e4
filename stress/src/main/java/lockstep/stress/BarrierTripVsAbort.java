package lockstep.stress;

import lockstep.runtime.Barrier;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

import java.util.concurrent.CompletableFuture;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Barrier(2) with p0 waiting: the second party arrives (and trips it) while another
 * thread aborts. A party passes only in a tripped cycle, with a distinct index; after
 * abort() it is broken for good. A cycle is never split (p0 failing while the tripping
 * party passed): asyncio would allow an abort between the trip and p0's next step, but
 * this runtime runs the parties a trip wakes in the trip's own step.
 */
@JCStressTest
@Outcome(id = "0, 1, <Barrier [broken]>", expect = ACCEPTABLE, desc = "trip, then abort: both passed")
@Outcome(id = "BrokenBarrierError, BrokenBarrierError, <Barrier [broken]>", expect = ACCEPTABLE,
        desc = "abort first: p0 fails, p1 finds it broken")
@Outcome(expect = FORBIDDEN, desc = "barrier phases broken: a party stuck, a double index, or not broken")
@State
public class BarrierTripVsAbort {
    final Barrier barrier = new Barrier(2);
    final CompletableFuture<Integer> p0 = barrier.await();
    CompletableFuture<Integer> p1;

    @Actor public void arrive() { p1 = barrier.await(); }

    @Actor public void abort() { barrier.abort(); }

    @Arbiter public void arbiter(LLL_Result r) {
        r.r1 = Outcomes.of(p0);
        r.r2 = Outcomes.of(p1);
        r.r3 = barrier.toString();
    }
}
