package lockstep.stress;

import lockstep.runtime.Barrier;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

import java.util.concurrent.CompletableFuture;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Barrier(2) with p0 waiting: the second party arrives while another thread resets it.
 * After reset() the barrier is filling again; a party that arrived after the reset waits
 * for the next cycle. A cycle is never split (p0 failing while the tripping party
 * passed): this runtime runs the parties a trip wakes in the trip's own step.
 */
@JCStressTest
@Outcome(id = "0, 1, <Barrier [filling, waiters:0/2]>", expect = ACCEPTABLE, desc = "trip, then reset of an empty barrier")
@Outcome(id = "BrokenBarrierError, pending, <Barrier [filling, waiters:1/2]>", expect = ACCEPTABLE,
        desc = "reset first: p0 fails, p1 starts the next cycle")
@Outcome(expect = FORBIDDEN, desc = "barrier phases broken: left resetting or draining, a party lost, or a double index")
@State
public class BarrierTripVsReset {
    final Barrier barrier = new Barrier(2);
    final CompletableFuture<Integer> p0 = barrier.await();
    CompletableFuture<Integer> p1;

    @Actor public void arrive() { p1 = barrier.await(); }

    @Actor public void reset() { barrier.reset(); }

    @Arbiter public void arbiter(LLL_Result r) {
        r.r1 = Outcomes.of(p0);
        r.r2 = Outcomes.of(p1);
        r.r3 = barrier.toString();
    }
}
