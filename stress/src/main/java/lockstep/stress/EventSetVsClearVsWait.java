package lockstep.stress;

import lockstep.runtime.Event;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

import java.util.concurrent.CompletableFuture;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * set(), clear() and a new wait() at once, with w0 already waiting. set() wakes every
 * waiter present even if clear() follows at once, so w0 always returns True; the new
 * waiter may keep waiting only if the event ends cleared.
 */
@JCStressTest
@Outcome(id = "true, true, true", expect = ACCEPTABLE, desc = "clear before set: the event ends set")
@Outcome(id = "true, true, false", expect = ACCEPTABLE, desc = "the new waiter came before the clear")
@Outcome(id = "true, pending, false", expect = ACCEPTABLE, desc = "set, clear, then the new waiter: it waits")
@Outcome(expect = FORBIDDEN, desc = "lost wakeup: a waiter stays blocked on a set event, or w0 missed the set")
@State
public class EventSetVsClearVsWait {
    final Event event = new Event();
    final CompletableFuture<Boolean> w0 = event.await();
    CompletableFuture<Boolean> w1;

    @Actor public void set() { event.set(); }

    @Actor public void clear() { event.clear(); }

    @Actor public void await() { w1 = event.await(); }

    @Arbiter public void arbiter(LLL_Result r) {
        r.r1 = Outcomes.of(w0);
        r.r2 = Outcomes.of(w1);
        r.r3 = String.valueOf(event.isSet());
    }
}
