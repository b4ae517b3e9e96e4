package lockstep.runtime;

import lockstep.core.Barrier.Phase;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.annotations.Validate;
import org.jetbrains.kotlinx.lincheck.paramgen.ThreadIdGen;
import org.junit.jupiter.api.Test;

import java.util.List;

import static lockstep.runtime.Calls.check;

/**
 * {@link Barrier}(2) is linearizable with wait(), reset(), abort() and cancellation of a
 * party. At rest the barrier is filling (with exactly the waiting parties counted) or
 * broken (with nobody waiting): it never stays draining or resetting.
 */
public class BarrierLincheckTest {
    private final Barrier barrier = new Barrier(2);
    private final Calls calls = new Calls();

    @Operation public void await(@Param(gen = ThreadIdGen.class) int me) { calls.add(me, barrier.await()); }

    @Operation public void reset() { barrier.reset(); }

    @Operation public void abort() { barrier.abort(); }

    @Operation public boolean cancel(@Param(gen = ThreadIdGen.class) int me) { return calls.cancelLatest(me); }

    @Operation public String state() { return barrier.toString(); }

    @Validate public void atRest() {
        lockstep.core.Barrier b = barrier.state().barrier();
        long pending = calls.count("pending");
        check(b.phase() == Phase.FILLING || b.phase() == Phase.BROKEN, "barrier phases: left " + b.phase());
        check(b.count() == pending, "barrier phases: count " + b.count() + " but " + pending + " parties wait");
        check(pending < b.parties(), "barrier phases: all parties arrived but it did not trip");
    }

    /** The races that matter, explored in every interleaving before the random scenarios. */
    List<Lincheck.Race> races() {
        Class<?> me = getClass();
        return List.of(
                // the tripping arrival vs. abort()
                new Lincheck.Race(me).init("await", 0).thread(0, "await", 0).thread(1, "abort").post("state"),
                // the tripping arrival vs. reset(), then a new arrival
                new Lincheck.Race(me).init("await", 0).thread(0, "await", 0).thread(1, "reset").thread(1, "await", 1)
                        .post("state"),
                // the tripping arrival vs. cancellation of the waiting party
                new Lincheck.Race(me).init("await", 0).thread(0, "await", 1).thread(1, "cancel", 0).post("state"));
    }

    @Test void modelChecking() { Lincheck.modelChecking(getClass(), races()); }

    @Test void stress() { Lincheck.stress(getClass(), races()); }
}
