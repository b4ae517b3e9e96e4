package lockstep.runtime;

import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.annotations.Validate;
import org.jetbrains.kotlinx.lincheck.paramgen.ThreadIdGen;
import org.junit.jupiter.api.Test;

import java.util.List;

import static lockstep.runtime.Calls.check;

/** {@link Event} is linearizable with set(), clear(), wait() and cancellation; no call waits on a set event. */
public class EventLincheckTest {
    private final Event event = new Event();
    private final Calls calls = new Calls();

    @Operation public void await(@Param(gen = ThreadIdGen.class) int me) { calls.add(me, event.await()); }

    @Operation public void set() { event.set(); }

    @Operation public void clear() { event.clear(); }

    @Operation public boolean cancel(@Param(gen = ThreadIdGen.class) int me) { return calls.cancelLatest(me); }

    @Operation public String state() { return event.toString(); }

    @Validate public void atRest() {
        check(!event.isSet() || calls.count("pending") == 0, "lost wakeup: a call waits on a set event");
        check(calls.count("true") + calls.count("pending") + calls.count("cancelled") == calls.all().size(),
                "a wait() ended otherwise than True or cancelled");
    }

    /** The races that matter, explored in every interleaving before the random scenarios. */
    List<Lincheck.Race> races() {
        Class<?> me = getClass();
        return List.of(
                // set() and clear() vs. cancellation of a waiter and a new waiter
                new Lincheck.Race(me).init("await", 0).init("await", 1)
                        .thread(0, "set").thread(0, "clear").thread(1, "cancel", 1).thread(1, "await", 1).post("state"),
                // set() vs. clear() then a new wait()
                new Lincheck.Race(me).init("await", 0)
                        .thread(0, "set").thread(1, "clear").thread(1, "await", 1).post("state"));
    }

    @Test void modelChecking() { Lincheck.modelChecking(getClass(), races()); }

    @Test void stress() { Lincheck.stress(getClass(), races()); }
}
