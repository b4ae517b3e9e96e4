package lockstep.runtime;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.Options;
import org.jetbrains.kotlinx.lincheck.annotations.Validate;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.jetbrains.kotlinx.lincheck.strategy.managed.ManagedStrategyGuaranteeKt.forClasses;

/**
 * The two Lincheck modes with the sizes every runtime test uses. First the test's own
 * {@link Race}s, the scenarios that matter (release vs. cancellation of the head waiter,
 * ...), which model checking explores interleaving by interleaving; then random
 * scenarios of 2 threads of 3 operations after 2 set-up operations and before 1 final
 * one: 5 of them, each run in 50 interleavings (model checking) or 50 times (stress;
 * jcstress does the heavy stress testing), so that the whole set stays under about two
 * minutes on 2 cores. For a longer run:
 * {@code -Dlockstep.lincheck.iterations=50 -Dlockstep.lincheck.invocations=500}.
 *
 * <p>The sequential specification is the test class itself run one operation at a time:
 * the core's transitions applied in order, with every woken task's step run before the
 * next operation, which is what asyncio does on one event loop.
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
    static ModelCheckingOptions modelChecking(List<Race> races) {
        ModelCheckingOptions o = new ModelCheckingOptions().iterations(intProp("lockstep.lincheck.iterations", 5))
                .invocationsPerIteration(intProp("lockstep.lincheck.invocations", 50))
                .threads(2).actorsPerThread(3).actorsBefore(2).actorsAfter(1)
                .addGuarantee(forClasses(c -> c.startsWith("lockstep.core.")).allMethods().treatAsAtomic())
                .addGuarantee(forClasses("lockstep.runtime.Cell$Tx").methods(m -> !m.equals("runEffects")).treatAsAtomic());
        return withRaces(o, races);
    }

    static StressOptions stress(List<Race> races) {
        StressOptions o = new StressOptions().iterations(intProp("lockstep.lincheck.iterations", 5))
                .invocationsPerIteration(intProp("lockstep.lincheck.invocations", 50))
                .threads(2).actorsPerThread(3).actorsBefore(2).actorsAfter(1);
        return withRaces(o, races);
    }

    static void modelChecking(Class<?> test, List<Race> races) { LinChecker.check(test, modelChecking(races)); }

    static void stress(Class<?> test, List<Race> races) { LinChecker.check(test, stress(races)); }

    private static <O extends Options<O, ?>> O withRaces(O options, List<Race> races) {
        for (Race r : races) options.addCustomScenario(r.scenario());
        return options;
    }

    private static int intProp(String name, int fallback) {
        return Integer.getInteger(name, fallback);
    }

    /**
     * A hand-written scenario: operations of the test class by name, with their int
     * arguments (the thread slot that ThreadIdGen gives in random scenarios).
     */
    static final class Race {
        private final Class<?> test;
        private final List<Actor> init = new ArrayList<>();
        private final List<List<Actor>> threads = List.of(new ArrayList<>(), new ArrayList<>());
        private final List<Actor> post = new ArrayList<>();

        Race(Class<?> test) { this.test = test; }

        Race init(String op, Object... args) { init.add(actor(op, args)); return this; }

        Race thread(int t, String op, Object... args) { threads.get(t).add(actor(op, args)); return this; }

        Race post(String op, Object... args) { post.add(actor(op, args)); return this; }

        ExecutionScenario scenario() {
            Method validate = null;
            for (Method m : test.getMethods()) if (m.isAnnotationPresent(Validate.class)) validate = m;
            return new ExecutionScenario(init, threads, post, validate == null ? null : new Actor(validate, List.of()));
        }

        private Actor actor(String op, Object... args) {
            for (Method m : test.getMethods()) {
                if (m.getName().equals(op) && m.getParameterCount() == args.length) return new Actor(m, Arrays.asList(args));
            }
            throw new IllegalArgumentException("no operation " + op + " with " + args.length + " arguments in " + test);
        }
    }
}
