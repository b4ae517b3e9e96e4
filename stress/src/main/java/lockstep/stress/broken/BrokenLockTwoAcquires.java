package lockstep.stress.broken;

import lockstep.runtime.Lock;
import lockstep.runtime.NonAtomic;
import lockstep.stress.Outcomes;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

import java.util.concurrent.CompletableFuture;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * {@code LockTwoAcquires} on the deliberately broken {@link NonAtomic} lock, whose
 * read-then-write lets both acquire() calls take it: jcstress must report the FORBIDDEN
 * outcome here. Not part of the CI run (stress/run-quick.sh excludes this package);
 * stress/run-broken.sh runs it and expects it to fail.
 */
@JCStressTest
@Outcome(id = "true, pending, <Lock [locked, waiters:1]>", expect = ACCEPTABLE, desc = "actor1 took the lock, actor2 queued")
@Outcome(id = "pending, true, <Lock [locked, waiters:1]>", expect = ACCEPTABLE, desc = "actor2 took the lock, actor1 queued")
@Outcome(expect = FORBIDDEN, desc = "both took the lock (mutual exclusion broken), or a call lost")
@State
public class BrokenLockTwoAcquires {
    final Lock lock = NonAtomic.lock();
    CompletableFuture<Boolean> a, b;

    @Actor public void actor1() { a = lock.acquire(); }

    @Actor public void actor2() { b = lock.acquire(); }

    @Arbiter public void arbiter(LLL_Result r) {
        r.r1 = Outcomes.of(a);
        r.r2 = Outcomes.of(b);
        r.r3 = lock.toString();
    }
}
