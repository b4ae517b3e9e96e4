package lockstep.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lockstep.Lockstep;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The verdicts on {@code model/invariants/}: {@code explore --cancel 1} reports exactly the
 * kinds a program's {@code # expect:} line names (among the invariants, failing asserts and
 * deadlocks), so every "must fire" program fires and no correct program raises a false
 * alarm; each "must fire" program's {@code # symptom:} is among the outcomes CPython 3.12
 * showed ({@code X.evidence.jsonl}, written by {@code evidence.sh}), and every outcome
 * CPython showed is one that explore finds.
 */
class InvariantsTest {

    static final Path DIR = Path.of("model", "invariants");

    /** The kinds a verdict is judged on ("exception" is left out: an injected cancel may escape main on purpose). */
    static final Set<String> JUDGED = Set.of("mutual-exclusion", "fifo", "semaphore-bounds", "barrier", "lost-wakeup", "assert",
            "deadlock");

    static List<Path> programs() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
    }

    static String header(Path f, String key) throws IOException {
        Matcher m = Pattern.compile("^# " + key + ": (.*)$", Pattern.MULTILINE).matcher(Files.readString(f));
        return m.find() ? m.group(1).strip() : null;
    }

    static Explorer.Report explore(Path f) throws Exception {
        return new Explorer(ExplorerTest.program(f), new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3,
                ExplorerTest.option(f, "cancel", 0), 1_000_000, 10_000, 300, false, System.err)).explore();
    }

    @TestFactory
    Stream<DynamicTest> exactlyTheExpectedKindsAreReported() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : programs()) {
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                String expect = header(f, "expect");
                assertTrue(expect != null, "no '# expect:' line");
                Set<String> want = new TreeSet<>(expect.equals("none") ? List.of() : List.of(expect.split(" ")));
                Explorer.Report r = explore(f);
                assertTrue(r.complete(), "the search did not finish: " + r.bound());
                Set<String> got = new TreeSet<>();
                for (Explorer.Violation v : r.violations()) if (JUDGED.contains(v.kind())) got.add(v.kind());
                assertEquals(want, got, () -> "violations: " + r.violations());
                for (Explorer.Violation v : r.violations()) {
                    Replay.Result again = Replay.replay(ExplorerTest.program(f), Schedule.parse(v.schedule()), null, 10_000);
                    assertNull(again.misfit());
                    boolean shown = again.violations().stream().anyMatch(x -> x[2].equals(v.cause()))
                            || v.cause().equals(Explorer.ending(again.run(), List.of()) == null ? null
                                    : Explorer.ending(again.run(), List.of()).cause());
                    assertTrue(shown, "schedule " + v.schedule() + " does not show " + v.cause());
                }
                Set<String> found = new TreeSet<>();
                for (Explorer.Outcome o : r.outcomes()) found.add(o.exit() + "\n" + Lockstep.maskAddresses(o.stdout()));
                for (Map<String, String> e : evidence(f)) {
                    assertTrue(found.contains(e.get("exit") + "\n" + e.get("stdout")),
                            "CPython showed an outcome explore missed:\n" + e);
                }
            }));
        }
        return tests.stream();
    }

    /** A "must fire" program's symptom is something CPython 3.12 did: the finding is CPython's, not the model's. */
    @TestFactory
    Stream<DynamicTest> everySymptomWasSeenOnCPython() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : programs()) {
            String symptom = header(f, "symptom");
            if (symptom == null) continue;
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                Pattern p = Pattern.compile(symptom, Pattern.MULTILINE);
                boolean seen = false;
                for (Map<String, String> e : evidence(f)) {
                    seen |= p.matcher("exit " + e.get("exit") + "\nerror " + e.get("error") + "\n" + e.get("stdout")).find();
                }
                assertTrue(seen, "CPython 3.12 never showed /" + symptom + "/ in " + f + " (evidence.sh)");
            }));
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    @Test
    void thereAreThirtyCorrectProgramsAndAFiringOneForEachFinding() throws IOException {
        int quiet = 0;
        Set<String> fired = new TreeSet<>();
        for (Path f : programs()) {
            String expect = header(f, "expect");
            if ("none".equals(expect)) quiet++;
            else fired.addAll(List.of(expect.split(" ")));
        }
        assertTrue(quiet >= 30, quiet + " correct programs");
        assertTrue(fired.containsAll(Set.of("lost-wakeup", "barrier", "mutual-exclusion", "semaphore-bounds", "deadlock", "assert")),
                fired.toString());
    }

    /** Each message names every task it is about: both parties of a duplicate index, the blocked and the cancelled task. */
    @Test
    void messagesNameEveryTaskInvolved() throws Exception {
        Map<String, Integer> names = Map.of("01_fire_lost_notify_gh112202.py", 2, "02_fire_barrier_index_reuse_gh155233.py", 2,
                "03_fire_mutual_exclusion_foreign_release.py", 3);
        for (Map.Entry<String, Integer> e : names.entrySet()) {
            Explorer.Report r = explore(DIR.resolve(e.getKey()));
            Explorer.Violation v = r.violations().get(0);
            Set<String> tasks = new TreeSet<>();
            Matcher m = Pattern.compile("Task-\\d+ \\w+\\(\\)").matcher(v.message());
            while (m.find()) tasks.add(m.group());
            assertEquals(e.getValue(), tasks.size(), v.message());
        }
    }

    static List<Map<String, String>> evidence(Path py) throws IOException {
        Path f = Path.of(py.toString().replace(".py", ".evidence.jsonl"));
        assertTrue(Files.exists(f), "no CPython evidence for " + py + " (model/invariants/evidence.sh)");
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            if (line.isBlank()) continue;
            Map<String, String> o = new HashMap<>();
            try (JsonParser p = new JsonFactory().createParser(line)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.getCurrentName();
                    p.nextToken();
                    o.put(k, p.getText());
                }
            }
            out.add(o);
        }
        return out;
    }
}
