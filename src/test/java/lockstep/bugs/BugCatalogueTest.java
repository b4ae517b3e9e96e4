package lockstep.bugs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import lockstep.Lockstep;
import lockstep.bugs.BugCatalogue.Bug;
import lockstep.bugs.BugCatalogue.Finding;
import lockstep.bugs.BugCatalogue.Status;
import lockstep.core.PyVersion;
import lockstep.explore.Replay;
import lockstep.explore.Schedule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue of known CPython lock bugs ({@code model/bugs/}): explore, from each natural
 * scenario, reports the bug (a violation of its kind) in exactly the versions its header
 * says it lives in; every schedule it reports replays on that version's real CPython to
 * what lockstep's replay prints (the evidence written by {@code model/bugs/evidence.sh});
 * the README's table is what {@code lockstep bugs} prints.
 */
class BugCatalogueTest {

    static final Path DIR = Path.of("model", "bugs");
    /** The findings of a bug on a version, explored once for all the tests. */
    private static final Map<String, Finding> FINDINGS = new HashMap<>();

    static synchronized Finding finding(Bug b, PyVersion v) throws Exception {
        String key = b.id() + " " + v.text;
        Finding f = FINDINGS.get(key);
        if (f == null) FINDINGS.put(key, f = BugCatalogue.find(b, v));
        return f;
    }

    /** One dynamic test per bug and version of the contract. */
    private static Stream<DynamicTest> perBugAndVersion(String what, Check check) throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Bug b : BugCatalogue.read(DIR)) {
            for (PyVersion v : PyVersion.values()) {
                tests.add(DynamicTest.dynamicTest(b.id() + " on " + v.text + ": " + what, () -> check.on(b, v)));
            }
        }
        return tests.stream();
    }

    interface Check {
        void on(Bug b, PyVersion v) throws Exception;
    }

    @TestFactory
    Stream<DynamicTest> reportedExactlyInTheVersionsTheBugLivesIn() throws Exception {
        return perBugAndVersion("reported iff it lives there", (b, v) -> {
            Finding f = finding(b, v);
            boolean lives = b.livesIn().contains(v);
            if (!lives) assertTrue(f.complete(), "the search stopped at a bound: the absence of " + b.kind() + " is not proven");
            assertEquals(lives, f.status() == Status.REPORTED, b.name() + " lives in " + b.livesIn().stream().map(x -> x.text).toList() + "; explore on " + v.text
                    + " reported " + b.kind() + " at " + f.schedules());
        });
    }

    @TestFactory
    Stream<DynamicTest> everyReportedScheduleReplaysToTheSameFailureOnCPython() throws Exception {
        return perBugAndVersion("CPython's replay is lockstep's", (b, v) -> {
            Finding f = finding(b, v);
            Map<String, Map<String, Object>> evidence = evidence(b, v);
            assertEquals(new TreeSet<>(f.schedules()), new TreeSet<>(evidence.keySet()),
                    "the schedules explore reports for " + b.kind() + " on " + v.text + " and those replayed on CPython in "
                            + evidenceFile(b) + " (rerun model/bugs/evidence.sh)");
            for (String s : f.schedules()) {
                Replay.Result r = replaysAsOnCPython(b, v, s, evidence.get(s));
                assertTrue(shows(b.kind(), r), "lockstep's replay of " + b.id() + " --python " + v.text + " --schedule '" + s
                        + "' shows no " + b.kind());
            }
        });
    }

    /**
     * Where the bug was not reported, the schedules that showed it on other versions
     * replay on this version's CPython to what lockstep prints for them, without the
     * failure (or fit neither run).
     */
    @TestFactory
    Stream<DynamicTest> otherVersionsSchedulesReplayWithoutTheFailureOnCPython() throws Exception {
        return perBugAndVersion("the others' schedules pass on CPython", (b, v) -> {
            Finding f = finding(b, v);
            Map<String, Map<String, Object>> evidence = evidenceFromOthers(b, v);
            Set<String> expected = f.status() == Status.REPORTED ? Set.of() : reportedElsewhere(b, v);
            assertEquals(expected, evidence.keySet(), "the schedules reported on other versions and those replayed on "
                    + v.text + "'s CPython in " + evidenceFile(b) + " (none where the bug is reported; rerun model/bugs/evidence.sh)");
            for (Map.Entry<String, Map<String, Object>> e : evidence.entrySet()) {
                Replay.Result r = replaysAsOnCPython(b, v, e.getKey(), e.getValue());
                if (r.run() != null) assertFalse(shows(b.kind(), r), "lockstep's replay of " + b.id() + " --python " + v.text
                        + " --schedule '" + e.getKey() + "' shows " + b.kind() + ", which explore did not report");
            }
        });
    }

    /** The schedules that showed {@code b} on the versions other than {@code v}. */
    static Set<String> reportedElsewhere(Bug b, PyVersion v) throws Exception {
        Set<String> out = new TreeSet<>();
        for (PyVersion w : PyVersion.values()) if (w != v) out.addAll(finding(b, w).schedules());
        return out;
    }

    /**
     * lockstep's replay of {@code s} on {@code v}, checked against CPython's in the evidence
     * line {@code cpython}: both misfit, or the same stdout, exit code and exception.
     */
    static Replay.Result replaysAsOnCPython(Bug b, PyVersion v, String s, Map<String, Object> cpython) throws Exception {
        Replay.Result r = Replay.replay(BugCatalogue.program(b, v), Schedule.parse(s), null, 1_000_000);
        String where = b.id() + " --python " + v.text + " --schedule '" + s + "'";
        boolean misfit = Boolean.TRUE.equals(cpython.get("misfit"));
        assertEquals(misfit, r.run() == null, where + ": CPython " + (misfit ? "could not" : "could") + " follow the schedule, lockstep "
                + (r.run() == null ? "could not: " + r.misfit() : "could"));
        if (misfit) return r;
        assertEquals(cpython.get("stdout"), Lockstep.maskAddresses(r.run().stdout()), "stdout of " + where);
        assertEquals(((Number) cpython.get("exit")).intValue(), r.run().exit(), "exit of " + where);
        if (r.run().exit() == 1) {
            assertEquals(cpython.get("stderr_last"), Lockstep.maskAddresses(lastLine(r.run().stderr())), "exception of " + where);
        }
        return r;
    }

    /** Whether a replay shows a violation of {@code kind}: an invariant's, or a deadlock or escaping exception by its exit. */
    static boolean shows(String kind, Replay.Result r) {
        return switch (kind) {
            case "deadlock" -> r.run().exit() == 3;
            case "exception" -> r.run().exit() == 1;
            default -> r.violations().stream().anyMatch(v -> v[0].equals(kind));
        };
    }

    @Test
    void readmeTableIsWhatLockstepBugsPrints() throws Exception {
        List<Bug> bugs = BugCatalogue.read(DIR);
        List<Finding> findings = new ArrayList<>();
        for (Bug b : bugs) for (PyVersion v : PyVersion.values()) findings.add(finding(b, v));
        String table = BugTable.markdown(bugs, findings);
        assertTrue(Files.readString(Path.of("README.md")).contains(table),
                "README.md does not hold the table `java -jar target/lockstep.jar bugs` prints now:\n" + table);
        assertFalse(table.contains("(unexpected)"), table);
    }

    // ------------------------------------------------------------------ the evidence files

    static Path evidenceFile(Bug b) {
        return DIR.resolve(b.id() + ".evidence.jsonl");
    }

    /** The evidence lines of {@code b} on {@code v} for the schedules it reported, by schedule. */
    static Map<String, Map<String, Object>> evidence(Bug b, PyVersion v) throws IOException {
        return evidence(b, v, false);
    }

    /** The evidence lines of {@code b} on {@code v} for the schedules other versions reported, by schedule. */
    static Map<String, Map<String, Object>> evidenceFromOthers(Bug b, PyVersion v) throws IOException {
        return evidence(b, v, true);
    }

    private static Map<String, Map<String, Object>> evidence(Bug b, PyVersion v, boolean fromOthers) throws IOException {
        Map<String, Map<String, Object>> bySchedule = new TreeMap<>();
        for (Map<String, Object> e : read(evidenceFile(b))) {
            if (!v.text.equals(e.get("python")) || e.containsKey("reported_on") != fromOthers) continue;
            assertEquals(b.kind(), e.get("kind"), evidenceFile(b) + ": kind");
            assertTrue(bySchedule.put((String) e.get("schedule"), e) == null, evidenceFile(b) + ": a schedule twice");
        }
        return bySchedule;
    }

    /** The JSON lines of {@code f}: flat objects of strings, integers, booleans and nulls. */
    static List<Map<String, Object>> read(Path f) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(Files.newBufferedReader(f))) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, Object> o = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    o.put(name, switch (t) {
                        case VALUE_NULL -> null;
                        case VALUE_NUMBER_INT -> p.getLongValue();
                        case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
                        default -> p.getText();
                    });
                }
                lines.add(o);
            }
        }
        return lines;
    }

    static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }
}
