package lockstep.stress;

import lockstep.runtime.Lock;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

import java.util.concurrent.CompletableFuture;

import static org.openjdk.jcstress.annotations.Expect.*;

/** Two acquire() on a free lock: exactly one takes it, the other queues (mutual exclusion). */
@JCStressTest
@Outcome(id = "true, pending, <Lock [locked, waiters:1]>", expect = ACCEPTABLE, desc = "actor1 took the lock, actor2 queued")
@Outcome(id = "pending, true, <Lock [locked, waiters:1]>", expect = ACCEPTABLE, desc = "actor2 took the lock, actor1 queued")
@Outcome(expect = FORBIDDEN, desc = "mutual exclusion broken, or a call lost")
@State
public class LockTwoAcquires {
    final Lock lock = new Lock();
    CompletableFuture<Boolean> a, b;

    @Actor public void actor1() { a = lock.acquire(); }

    @Actor public void actor2() { b = lock.acquire(); }

    @Arbiter public void arbiter(LLL_Result r) {
        r.r1 = Outcomes.of(a);
        r.r2 = Outcomes.of(b);
        r.r3 = lock.toString();
    }
}
