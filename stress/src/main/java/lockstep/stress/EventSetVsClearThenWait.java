package lockstep.stress;

import lockstep.runtime.Event;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLL_Result;

import java.util.concurrent.CompletableFuture;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * set() races with clear() followed by a new wait(), while w0 already waits. set() wakes
 * every waiter present, so w0 always returns True; the new waiter keeps waiting only if
 * the event ends cleared, never on a set event.
 */
@JCStressTest
@Outcome(id = "true, pending, false", expect = ACCEPTABLE, desc = "set, then clear, then the new waiter: it waits")
@Outcome(id = "true, true, true", expect = ACCEPTABLE, desc = "clear before set: the new waiter passes or is woken")
@Outcome(expect = FORBIDDEN, desc = "lost wakeup: w0 missed the set, or a waiter blocked on a set event")
@State
public class EventSetVsClearThenWait {
    final Event event = new Event();
    final CompletableFuture<Boolean> w0 = event.await();
    CompletableFuture<Boolean> w1;

    @Actor public void set() { event.set(); }

    @Actor public void clearThenWait() {
        event.clear();
        w1 = event.await();
    }

    @Arbiter public void arbiter(LLL_Result r) {
        r.r1 = Outcomes.of(w0);
        r.r2 = Outcomes.of(w1);
        r.r3 = String.valueOf(event.isSet());
    }
}
