package lockstep.stress;

import lockstep.runtime.Condition;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.LLLL_Result;

import java.util.concurrent.CompletableFuture;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * notify(1) (then release()) races with the cancellation of the waiter it notifies, w1;
 * w2 waits behind w1. Whatever happens, w1 ends holding the lock (wait() takes it back
 * even when cancelled); the arbiter then releases it, so that a notified w2 can finish.
 * CPython 3.12 does not pass a notification on when the notified waiter is cancelled
 * before it runs: the outcome where w2 keeps waiting is asyncio's, and interesting.
 */
@JCStressTest
@Outcome(id = "true, cancelled, true, <Condition [locked]>", expect = ACCEPTABLE,
        desc = "cancel before notify: w1 left the queue, the notification went to w2")
@Outcome(id = "false, true, pending, <Condition [unlocked, waiters:1]>", expect = ACCEPTABLE,
        desc = "notify and release won: w1 returned True, w2 waits for the next notify")
@Outcome(id = "true, cancelled, pending, <Condition [unlocked, waiters:1]>", expect = ACCEPTABLE_INTERESTING,
        desc = "w1 notified, then cancelled before it ran: the notification is lost with it (CPython 3.12)")
@Outcome(expect = FORBIDDEN, desc = "w1 never ended, two waiters woken by notify(1), or the lock lost")
@State
public class ConditionNotifyVsCancel {
    final Condition cond = new Condition();
    final CompletableFuture<Boolean> w1, w2;

    public ConditionNotifyVsCancel() {
        cond.acquire();
        w1 = cond.await();
        cond.acquire();
        w2 = cond.await();
        cond.acquire();
    }

    @Actor public void notifier() {
        cond.notify(1);
        cond.release();
    }

    @Actor public void cancel(LLLL_Result r) { r.r1 = String.valueOf(w1.cancel(false)); }

    @Arbiter public void arbiter(LLLL_Result r) {
        r.r2 = Outcomes.of(w1);
        if (w1.isDone()) cond.release();    // w1 holds the lock either way
        r.r3 = Outcomes.of(w2);
        r.r4 = cond.toString();
    }
}
