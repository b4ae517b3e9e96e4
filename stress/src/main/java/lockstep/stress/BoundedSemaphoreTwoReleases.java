package lockstep.stress;

import lockstep.runtime.BoundedSemaphore;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/** BoundedSemaphore(1) with its unit taken, released twice at once: one release succeeds, the other raises ValueError. */
@JCStressTest
@Outcome(id = "ok, ValueError, <BoundedSemaphore [unlocked, value:1]>", expect = ACCEPTABLE, desc = "first release won")
@Outcome(id = "ValueError, ok, <BoundedSemaphore [unlocked, value:1]>", expect = ACCEPTABLE, desc = "second release won")
@Outcome(expect = FORBIDDEN, desc = "semaphore bound exceeded or a release lost")
@State
public class BoundedSemaphoreTwoReleases {
    final BoundedSemaphore sem = new BoundedSemaphore(1);

    public BoundedSemaphoreTwoReleases() { sem.acquire(); }

    @Actor public void release1(LLL_Result r) { r.r1 = Outcomes.run(sem::release); }

    @Actor public void release2(LLL_Result r) { r.r2 = Outcomes.run(sem::release); }

    @Arbiter public void arbiter(LLL_Result r) { r.r3 = sem.toString(); }
}
