package lockstep.oracle;

import lockstep.cli.Main;
import lockstep.explore.Explorer;
import lockstep.explore.ReportWriter;
import lockstep.vm.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code explore --compare-outcomes}: outcomes observed on CPython 3.12 under shuffled
 * schedules (model/traces/*.outcomes.jsonl, recorded by model/regen-traces.sh) are all
 * outcomes the model produces; outcomes observed with a Lock that wakes its last waiter
 * include ones it cannot produce.
 */
class OutcomeComparisonTest {

    static final Path TRACES = Path.of("model", "traces");
    static final Path HANDOFF = TRACES.resolve("lock_handoff_order.py");
    static final Path FIFO = Path.of("model", "scenarios", "006_lock_fifo_wakeup.py");

    static Program compile(Path file) throws Exception {
        return Program.compile(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    static Explorer.Options options(Explorer.Strategy s, int cancels, long maxSchedules) {
        return new Explorer.Options(s, 1, 3, cancels, maxSchedules, 10_000, 60, false, System.err);
    }

    static OutcomeComparison.Comparison compare(Path scenario, Explorer.Options o, Path observed) throws Exception {
        Program p = compile(scenario);
        Explorer.Report r = new Explorer(p, o).explore();
        return OutcomeComparison.compare(p, o, r, OutcomeComparison.read(observed), 100_000, 30);
    }

    @Test void everyOutcomeObservedOnCPython312IsOneTheModelProduces() throws Exception {
        OutcomeComparison.Comparison c = compare(HANDOFF, options(Explorer.Strategy.EXHAUSTIVE, 1, 1_000_000),
                TRACES.resolve("lock_handoff_order.shuffled-cancel1.cpython312.outcomes.jsonl"));
        assertTrue(c.complete());
        assertEquals(0, c.impossible(), () -> c.verdicts().toString());
        assertEquals(0, c.exitCode());
        assertTrue(c.verdicts().size() > 2, "the shuffled runs saw several outcomes");
        for (OutcomeComparison.Verdict v : c.verdicts()) assertNotNull(v.schedule());
    }

    @Test void outcomesOfALockThatWakesTheLastWaiterAreReportedImpossible() throws Exception {
        OutcomeComparison.Comparison c = compare(HANDOFF, options(Explorer.Strategy.EXHAUSTIVE, 1, 1_000_000),
                TRACES.resolve("lock_handoff_order.shuffled-cancel1.wake-last.outcomes.jsonl"));
        assertEquals(1, c.exitCode());
        List<OutcomeComparison.Verdict> impossible = c.verdicts().stream()
                .filter(v -> v.status().equals("impossible")).collect(Collectors.toList());
        assertFalse(impossible.isEmpty());
        // Exactly the observed runs in which "second" got the lock before "first" are impossible.
        for (OutcomeComparison.Verdict v : c.verdicts()) {
            String out = v.observed().stdout();
            int second = out.indexOf("second has the lock"), first = out.indexOf("first has the lock");
            boolean wrongOrder = second >= 0 && first >= 0 && second < first;
            assertEquals(wrongOrder, v.status().equals("impossible"), out);
        }
        // The altered lock never produced the correct order without cancellation: the model's
        // run where every task finishes was never observed.
        assertTrue(c.unobserved().stream().anyMatch(o -> o.exit() == 0), c.unobserved().toString());
    }

    @Test void anIncompleteExplorationLooksForEachUnmatchedObservedOutcome() throws Exception {
        // Two random schedules cannot reach all the orders CPython's shuffled runs saw: those
        // are found by the targeted search, not declared impossible.
        OutcomeComparison.Comparison c = compare(FIFO, options(Explorer.Strategy.RANDOM, 0, 2),
                TRACES.resolve("006_lock_fifo_wakeup.shuffled-cancel0.cpython312.outcomes.jsonl"));
        assertFalse(c.complete());
        assertEquals(0, c.impossible(), () -> c.verdicts().toString());
        assertEquals(0, c.undecided());
        assertTrue(c.verdicts().stream().anyMatch(v -> v.search() != null), "no outcome needed the search");
    }

    @Test void exploreJsonIsAcceptedAsObservedAndModelOutcomesNeverObservedAreListed(@TempDir Path dir) throws Exception {
        Program p = compile(FIFO);
        Explorer.Options all = options(Explorer.Strategy.EXHAUSTIVE, 0, 1_000_000);
        Explorer.Report full = new Explorer(p, all).explore();
        Path json = dir.resolve("explore.json");
        Files.writeString(json, ReportWriter.json(FIFO.toString(), full));
        List<OutcomeComparison.Observed> observed = OutcomeComparison.read(json);
        assertEquals(full.outcomes().size(), observed.size());
        OutcomeComparison.Comparison c = OutcomeComparison.compare(p, all, full, observed, 1000, 10);
        assertEquals(0, c.impossible());
        assertTrue(c.unobserved().isEmpty());
        // Only CPython's own run observed: every other model outcome is never observed.
        Path one = dir.resolve("one.jsonl");
        Files.writeString(one, "{\"stdout\": \"waiters: 3\\nc got the lock\\na got the lock\\nb got the lock\\n['c', 'a', 'b']\\n\", \"exit\": 0}\n");
        OutcomeComparison.Comparison c1 = OutcomeComparison.compare(p, all, full, OutcomeComparison.read(one), 1000, 10);
        assertEquals(0, c1.impossible());
        assertEquals(full.outcomes().size() - 1, c1.unobserved().size());
        String text = OutcomeComparison.text(FIFO.toString(), full, one.toString(), OutcomeComparison.read(one), c1);
        assertTrue(text.contains("model outcomes never observed: " + (full.outcomes().size() - 1)), text);
    }

    @Test void badObservedFilesNameFileLineAndColumn(@TempDir Path dir) throws Exception {
        assertEquals(dir.resolve("a.jsonl") + ":2:12: error: an outcome needs \"stdout\" (a string)",
                badObserved(dir, "a.jsonl", "{\"stdout\": \"x\", \"exit\": 0}\n{\"stdout\": 3}\n"));
        assertEquals(dir.resolve("b.jsonl") + ":3:25: error: \"exit\" must be an integer 0..255",
                badObserved(dir, "b.jsonl", "\n{\"stdout\": \"x\"}\n{\"stdout\": \"x\", \"exit\": \"0\"}\n"));
        assertTrue(badObserved(dir, "c.jsonl", "{\"stdout\": \"x\"}\n{\"stdout\" 1}\n").startsWith(dir.resolve("c.jsonl") + ":2:"));
        assertEquals(dir.resolve("d.json") + ":1:1: error: no observed outcome", badObserved(dir, "d.json", "[]"));
        Path bad = dir.resolve("e.jsonl");
        Files.writeString(bad, "{\"stdout\": 1}\n");
        assertEquals(2, Main.execute(System.out, System.err, "explore", FIFO.toString(), "--compare-outcomes", bad.toString()));
        assertEquals(1, Main.execute(System.out, System.err, "explore", HANDOFF.toString(), "--quiet", "--cancel", "1",
                "--compare-outcomes", TRACES.resolve("lock_handoff_order.shuffled-cancel1.wake-last.outcomes.jsonl").toString()));
        assertEquals(0, Main.execute(System.out, System.err, "explore", HANDOFF.toString(), "--quiet", "--cancel", "1", "--json",
                "--compare-outcomes", TRACES.resolve("lock_handoff_order.shuffled-cancel1.cpython312.outcomes.jsonl").toString()));
    }

    static String badObserved(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return assertThrows(OutcomeComparison.BadObserved.class, () -> OutcomeComparison.read(f)).getMessage();
    }
}
