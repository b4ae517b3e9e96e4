package lockstep.runtime;

import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.junit.jupiter.api.Test;

@Param(name = "slot", gen = IntGen.class, conf = "0:2")
public class LockLincheckTest {
    private final Lock lock = new Lock();
    private final Slots slots = new Slots();

    @Operation public void acquire(@Param(name = "slot") int slot) { slots.put(slot, lock.acquire()); }
    @Operation public String release() { return Slots.outcome(lock::release); }
    @Operation public boolean cancel(@Param(name = "slot") int slot) { return slots.cancel(slot); }
    @Operation public String state() { return lock.toString(); }

    @Test void modelChecking() {
        LinChecker.check(getClass(), new ModelCheckingOptions().iterations(30).invocationsPerIteration(500)
                .threads(2).actorsPerThread(3));
    }

    @Test void stress() {
        LinChecker.check(getClass(), new StressOptions().iterations(30).invocationsPerIteration(1000)
                .threads(2).actorsPerThread(3));
    }
}
