package lockstep.runtime;

import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;

import static org.jetbrains.kotlinx.lincheck.strategy.managed.ManagedStrategyGuaranteeKt.forClasses;

/**
 * The two Lincheck modes with the sizes every runtime test uses: 2 threads of 3
 * operations after 2 set-up operations and before 1 final one; 10 scenarios, each run
 * in 50 interleavings (model checking) or 100 times (stress), so that the whole set
 * stays near a minute on 2 cores. For a longer run:
 * {@code -Dlockstep.lincheck.iterations=100 -Dlockstep.lincheck.invocations=1000}. The sequential specification is the test class itself run one
 * operation at a time: the core's transitions applied in order, with every woken task's
 * step run before the next operation, which is what asyncio does on one event loop.
 */
final class Lincheck {
    private Lincheck() {}

    /**
     * Model checking. The pure core and a transition's private attempt ({@code Cell.Tx},
     * but not its effects) touch no shared memory, so they are treated as atomic: the
     * checker switches threads only where threads can interfere (the snapshot's read and
     * CAS, completing and cancelling futures, the harness), which makes it several times
     * faster without hiding an interleaving.
     */
    static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions().iterations(intProp("lockstep.lincheck.iterations", 10))
                .invocationsPerIteration(intProp("lockstep.lincheck.invocations", 50))
                .threads(2).actorsPerThread(3).actorsBefore(2).actorsAfter(1)
                .addGuarantee(forClasses(c -> c.startsWith("lockstep.core.")).allMethods().treatAsAtomic())
                .addGuarantee(forClasses("lockstep.runtime.Cell$Tx").methods(m -> !m.equals("runEffects")).treatAsAtomic());
    }

    static StressOptions stress() {
        return new StressOptions().iterations(intProp("lockstep.lincheck.iterations", 10))
                .invocationsPerIteration(intProp("lockstep.lincheck.invocations", 50) * 2)
                .threads(2).actorsPerThread(3).actorsBefore(2).actorsAfter(1);
    }

    static void modelChecking(Class<?> test) { LinChecker.check(test, modelChecking()); }

    static void stress(Class<?> test) { LinChecker.check(test, stress()); }

    private static int intProp(String name, int fallback) {
        return Integer.getInteger(name, fallback);
    }
}
