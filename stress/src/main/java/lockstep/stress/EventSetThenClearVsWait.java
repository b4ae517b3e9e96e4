package lockstep.stress;

import lockstep.runtime.Event;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

import java.util.concurrent.CompletableFuture;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * set() at once followed by clear() races with a new wait(), while w0 already waits.
 * A waiter present at the set() returns True even though the event is cleared right
 * after (waiters already woken stay woken); one that comes after the clear() waits.
 */
@JCStressTest
@Outcome(id = "true, true, false", expect = ACCEPTABLE, desc = "the new waiter came before the clear")
@Outcome(id = "true, pending, false", expect = ACCEPTABLE, desc = "the new waiter came after the clear: it waits")
@Outcome(expect = FORBIDDEN, desc = "lost wakeup: a waiter present at set() was not woken")
@State
public class EventSetThenClearVsWait {
    final Event event = new Event();
    final CompletableFuture<Boolean> w0 = event.await();
    CompletableFuture<Boolean> w1;

    @Actor public void setThenClear() {
        event.set();
        event.clear();
    }

    @Actor public void await() { w1 = event.await(); }

    @Arbiter public void arbiter(LLL_Result r) {
        r.r1 = Outcomes.of(w0);
        r.r2 = Outcomes.of(w1);
        r.r3 = String.valueOf(event.isSet());
    }
}
