package lockstep.explore;

import lockstep.Lockstep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import lockstep.vm.Program;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Partial-order reduction must not lose anything: on every corpus scenario that both
 * explorations complete, exhaustive search with sleep sets finds the same outcomes, the
 * and the same violations as without them, and never visits more states or runs more
 * schedules.
 */
class ReductionSoundnessTest {

    static final long MAX_SCHEDULES = 4000;

    @TestFactory
    Stream<DynamicTest> sameOutcomesWithAndWithoutReduction() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files(Path.of("model", "explore"), 1)) {
            for (int cancels = 0; cancels <= 1; cancels++) tests.add(test(f, cancels));
        }
        for (Path f : files(Path.of("model", "scenarios"), 2)) tests.add(test(f, 0));
        for (Path f : files(Path.of("model", "scenarios"), 9)) tests.add(test(f, 1));
        for (Path f : files(Path.of("model", "random"), 20)) tests.add(test(f, 0));
        return tests.stream();
    }

    private static DynamicTest test(Path f, int cancels) {
        return DynamicTest.dynamicTest(f.getFileName() + " --cancel " + cancels, () -> {
            Program p = Program.compile(f.toString(), Files.readString(f));
            Explorer.Report with = explore(p, cancels, true);
            Explorer.Report without = explore(p, cancels, false);
            if (!with.complete() || !without.complete()) return; // too large to compare here
            assertEquals(outcomes(without), outcomes(with), "outcomes");
            assertEquals(violations(without), violations(with), "violations");
            assertTrue(with.states() <= without.states(), "reduction visited more states");
            assertTrue(with.schedules() <= without.schedules(), "reduction explored more schedules");
        });
    }

    static Explorer.Report explore(Program p, int cancels, boolean reduce) {
        return new Explorer(p, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, cancels, MAX_SCHEDULES, 2000,
                30, false, System.err, reduce, true)).explore();
    }

    static Set<String> outcomes(Explorer.Report r) {
        Set<String> s = new TreeSet<>();
        for (Explorer.Outcome o : r.outcomes()) s.add(o.exit() + ":" + Lockstep.maskAddresses(o.stdout()));
        return s;
    }

    static Set<String> violations(Explorer.Report r) {
        Set<String> s = new TreeSet<>();
        for (Explorer.Violation v : r.violations()) s.add(v.kind() + ":" + Lockstep.maskAddresses(v.message()));
        return s;
    }

    /** Every {@code every}-th .py file of a directory, sorted. */
    static List<Path> files(Path dir, int every) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(dir)) {
            all = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += every) out.add(all.get(i));
        return out;
    }
}
