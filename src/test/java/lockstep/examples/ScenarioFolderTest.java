package lockstep.examples;

import lockstep.Exploration;
import lockstep.Lockstep;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * README's example of lockstep inside JUnit 5: every scenario of a folder becomes a test,
 * which explores all its schedules and fails with the shortest counterexample found and the
 * command that replays it. Here over {@code model/junit/safe}, whose scenarios hold in every
 * schedule ({@link ScenarioFolderFailuresTest} runs the same tests over scenarios that do not).
 */
class ScenarioFolderTest {

    /** One test per {@code *.py} of {@code folder}: no violation in any schedule, and every schedule explored. */
    static List<DynamicTest> scenarios(Path folder, Exploration.Options options) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".py")).sorted()
                    .map(f -> dynamicTest(f.getFileName().toString(), f.toUri(), () -> {
                        Exploration.Report report = Lockstep.explore(f, options);
                        report.shortestViolation().ifPresent(v -> fail(f + ": " + v));
                        assertTrue(report.complete(), f + ": stopped at " + report.bound() + " before every schedule was explored");
                    }))
                    .toList();
        }
    }

    @TestFactory
    List<DynamicTest> everyScheduleIsSafe() throws IOException {
        return scenarios(Path.of("model/junit/safe"), Exploration.Options.defaults().withTimeLimit(60));
    }
}
