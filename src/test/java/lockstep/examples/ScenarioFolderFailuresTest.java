package lockstep.examples;

import lockstep.Exploration;
import lockstep.Lockstep;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The example's tests over {@code model/junit/unsafe}, whose scenarios are each broken in
 * some schedule other than CPython's own (their {@code # expect: KIND} line names the
 * violation): every test must fail, with that violation, a schedule, and a replay command
 * that shows it again.
 */
class ScenarioFolderFailuresTest {
    private static final Path UNSAFE = Path.of("model/junit/unsafe");

    @Test
    void everyUnsafeScenarioFailsWithAReplayableCounterexample() throws Throwable {
        List<DynamicTest> tests = ScenarioFolderTest.scenarios(UNSAFE, Exploration.Options.defaults().withTimeLimit(60));
        assertEquals(2, tests.size(), "the scenarios of " + UNSAFE);
        for (DynamicTest t : tests) {
            Path file = UNSAFE.resolve(t.getDisplayName());
            String expected = expectedKind(file);
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> t.getExecutable().execute(), file + " passed");
            Matcher m = Pattern.compile("(?s)^" + Pattern.quote(file.toString()) + ": (\\S+): .*\n  schedule \"([^\"]*)\"\n  replay: (.*)$")
                    .matcher(e.getMessage());
            assertTrue(m.matches(), "failure message of " + file + ":\n" + e.getMessage());
            assertEquals(expected, m.group(1), file + ": the violation");
            String schedule = m.group(2);
            assertFalse(schedule.isEmpty(), file + ": CPython's own schedule is safe, the counterexample must reorder it");
            assertEquals(Lockstep.replayCommand(file.toString(), schedule), m.group(3));
            assertReplays(file, schedule, expected);
            assertEquals(0, Lockstep.replay(file, "").exitCode(), file + " under CPython's own schedule");
        }
    }

    /** The counterexample's schedule, replayed, shows the violation again. */
    private static void assertReplays(Path file, String schedule, String kind) throws Exception {
        Exploration.Replayed r = Lockstep.replay(file, schedule);
        boolean shown = kind.equals("deadlock") ? r.exitCode() == 3 : r.violations().stream().anyMatch(v -> v.kind().equals(kind));
        assertTrue(shown, file + " replayed under \"" + schedule + "\": exit " + r.exitCode() + ", " + r.violations());
    }

    @Test
    void theShortestCounterexampleIsReported() throws Exception {
        Path file = UNSAFE.resolve("unlocked_counter.py");
        Exploration.Report report = Lockstep.explore(file, Exploration.Options.defaults());
        Exploration.Violation shortest = report.shortestViolation().orElseThrow();
        assertTrue(report.violations().size() > 1, "an assert and the exception it raises: " + report.violations());
        for (Exploration.Violation v : report.violations()) assertTrue(shortest.decisions() <= v.decisions(), v.toString());
        assertReplays(file, shortest.schedule(), shortest.kind());
    }

    @Test
    void aRefusedScenarioOrScheduleIsAnErrorWithItsPosition(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.py");
        Files.writeString(bad, "import asyncio\nx = (\n");
        Exploration.Refused e = assertThrows(Exploration.Refused.class, () -> Lockstep.explore(bad, Exploration.Options.defaults()));
        assertTrue(e.getMessage().startsWith(bad + ":"), e.getMessage());
        Path ok = Path.of("model/junit/safe/lock_counter.py");
        assertThrows(Exploration.Refused.class, () -> Lockstep.replay(ok, "0,x"));
        assertThrows(Exploration.Refused.class, () -> Lockstep.replay(ok, "9"));
    }

    private static String expectedKind(Path file) throws Exception {
        Matcher m = Pattern.compile("(?m)^# expect: (\\S+)$").matcher(Files.readString(file));
        assertTrue(m.find(), file + " has no '# expect: KIND' line");
        return m.group(1);
    }
}
