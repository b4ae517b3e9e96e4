package lockstep.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import lockstep.Lockstep;
import lockstep.vm.Program;
import org.junit.jupiter.api.Test;

/**
 * The DPOR search ({@link SourceDpor}) and its place in the exhaustive strategy: tried first
 * without injected cancels, within {@link Explorer#DPOR_BUDGET} schedules, else the search
 * with sleep sets and state caching reports.
 */
class SourceDporTest {

    record Run(Explorer.Report report, String progress) {}

    static Run explore(String name, int cancels, long dporBudget) throws Exception {
        Path f = Path.of("model", name);
        Program p = ExplorerTest.program(f);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Explorer.Report r = new Explorer(p, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, cancels, 1_000_000, 10_000,
                120, true, new PrintStream(progress, true, StandardCharsets.UTF_8), true, true, false, 1, true, dporBudget)).explore();
        assertTrue(r.complete(), name + " did not finish: " + r.bound());
        return new Run(r, progress.toString(StandardCharsets.UTF_8));
    }

    static Set<String> outcomes(Explorer.Report r) {
        Set<String> found = new TreeSet<>();
        for (Explorer.Outcome o : r.outcomes()) found.add(o.exit() + "\n" + Lockstep.maskAddresses(o.stdout()));
        return found;
    }

    /** Four tasks that share nothing: one trace but for the order of gather's done-callbacks (4! runs). */
    @Test
    void independentTasksTakeAtMostAHundredSchedules() throws Exception {
        Explorer.Report r = explore("explore/06_four_independent_tasks.py", 0, Explorer.defaultDporBudget(0)).report();
        assertEquals("dpor", r.reduction());
        assertTrue(r.schedules() <= 100, r.schedules() + " schedules");
        assertEquals(ExplorerTest.observed(Path.of("model", "explore", "06_four_independent_tasks.observed.jsonl")), outcomes(r));
    }

    /**
     * Three tasks on one lock: the first run shows one order; every other order CPython
     * showed must come from backtrack points that races between the lock's steps added.
     */
    @Test
    void racesOnALockAddTheOtherOrders() throws Exception {
        Explorer.Report r = explore("explore/02_lock_three_tasks.py", 0, 1_000_000).report();
        assertEquals("dpor", r.reduction());
        Set<String> observed = ExplorerTest.observed(Path.of("model", "explore", "02_lock_three_tasks.observed.jsonl"));
        assertTrue(observed.size() > 1, "CPython showed one outcome only");
        assertEquals(observed, outcomes(r));
        Explorer.Report unreduced = new Explorer(ExplorerTest.program(Path.of("model", "explore", "02_lock_three_tasks.py")),
                new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, 0, 1_000_000, 10_000, 120, false, System.err, false, true))
                .explore();
        assertEquals(outcomes(unreduced), outcomes(r));
    }

    /** An injected cancel is a move DPOR explores before the step that disables it, and then wherever it races. */
    @Test
    void injectedCancelsAreExplored() throws Exception {
        Explorer.Report dpor = explore("explore/01_condition_notify_lost_to_cancel.py", 1, 1_000_000).report();
        Explorer.Report stateful = explore("explore/01_condition_notify_lost_to_cancel.py", 1, 0).report();
        assertEquals("dpor", dpor.reduction());
        assertEquals("sleep-sets", stateful.reduction());
        assertTrue(outcomes(stateful).size() > outcomes(explore("explore/01_condition_notify_lost_to_cancel.py", 0, 0).report()).size(),
                "cancels add no outcome here");
        assertEquals(outcomes(stateful), outcomes(dpor));
        assertEquals(ReductionSoundnessTest.violations(stateful), ReductionSoundnessTest.violations(dpor));
    }

    /** Where DPOR needs more than its budget, what it found is dropped and the stateful search reports, saying so. */
    @Test
    void overBudgetTheStatefulSearchTakesOver() throws Exception {
        Run fallback = explore("explore/05_semaphore_four_tasks.py", 0, Explorer.defaultDporBudget(0));
        Run stateful = explore("explore/05_semaphore_four_tasks.py", 0, 0);
        assertEquals("sleep-sets", fallback.report().reduction());
        assertTrue(fallback.progress().contains("DPOR would take more than " + Explorer.DPOR_BUDGET + " schedules"), fallback.progress());
        assertEquals(ReportWriter.json("f", stateful.report()), ReportWriter.json("f", fallback.report()));
    }

    /**
     * DPOR finishes on three tasks sharing a lock, but in more schedules than its budget: a
     * DPOR schedule costs more than a state of the stateful search, which reports (see
     * {@link Explorer#DPOR_BUDGET}), with the same outcomes.
     */
    @Test
    void aDporSearchOfMoreSchedulesThanTheBudgetGivesWay() throws Exception {
        Explorer.Report dpor = explore("explore/02_lock_three_tasks.py", 0, 1_000_000).report();
        assertEquals("dpor", dpor.reduction());
        assertTrue(dpor.schedules() > Explorer.DPOR_BUDGET, dpor.schedules() + " schedules");
        Explorer.Report byDefault = explore("explore/02_lock_three_tasks.py", 0, Explorer.defaultDporBudget(0)).report();
        assertEquals("sleep-sets", byDefault.reduction());
        assertEquals(outcomes(dpor), outcomes(byDefault));
    }

    /**
     * DPOR gives way as soon as the moves left at the choice points of its path, each a run of
     * its own and taken for {@link Explorer#RUNS_PER_MOVE_LEFT}, say that it needs more than its
     * budget: on every bundled scenario without cancels, it reports where, with no budget, it
     * finishes within the budget, and where it needs more the search that took over reports,
     * judged before the budget was spent.
     */
    @Test
    void dporGivesWayEarlyWhereItWouldNeedMoreThanItsBudget() throws Exception {
        int early = 0;
        for (String dir : new String[] {"explore", "bench"}) {
            try (var files = java.nio.file.Files.list(Path.of("model", dir))) {
                for (Path f : files.filter(x -> x.toString().endsWith(".py")).sorted().toList()) {
                    String name = dir + "/" + f.getFileName();
                    if (name.contains("07_spin")) continue; // its runs do not all end: no search completes
                    Run byDefault = explore(name, 0, Explorer.defaultDporBudget(0));
                    Explorer.Report unbounded = explore(name, 0, 1_000_000).report();
                    assertEquals("dpor", unbounded.reduction(), name);
                    boolean fits = unbounded.schedules() <= Explorer.DPOR_BUDGET;
                    assertEquals(fits ? "dpor" : "sleep-sets", byDefault.report().reduction(), name + ": " + unbounded.schedules());
                    java.util.regex.Matcher judged = java.util.regex.Pattern.compile("judged after (\\d+)\\)").matcher(byDefault.progress());
                    if (!fits && judged.find() && Long.parseLong(judged.group(1)) < 4) early++;
                }
            }
        }
        assertTrue(early >= 3, early + " DPOR searches gave way within their first 3 runs");
    }

    /**
     * A bound of schedules below DPOR's budget stops DPOR only where the moves left on its
     * path, one run each, need more: 06 takes 10 schedules, so it finishes within 10, not 9.
     */
    @Test
    void aScheduleBoundBelowTheBudgetIsJudgedExactly() throws Exception {
        for (long max : new long[] {10, 9}) {
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            Explorer.Report r = new Explorer(ExplorerTest.program(Path.of("model", "explore", "06_four_independent_tasks.py")),
                    new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, 0, max, 10_000, 120, true,
                            new PrintStream(progress, true, StandardCharsets.UTF_8), true, true, false, 1, true, Explorer.DPOR_BUDGET)).explore();
            String p = progress.toString(StandardCharsets.UTF_8);
            assertEquals(max == 10 ? "dpor" : "sleep-sets", r.reduction(), max + ": " + p);
            assertEquals(max == 10, r.complete(), max + ": " + p);
            if (max == 9) assertTrue(p.contains("DPOR would take more than 9 schedules (judged after "), p);
        }
    }

    /** With injected cancels the search keeps batches, which DPOR cannot afford: it is not tried. */
    @Test
    void notTriedWithInjectedCancels() throws Exception {
        assertEquals(0, Explorer.defaultDporBudget(1));
        assertEquals("sleep-sets", explore("explore/06_four_independent_tasks.py", 1, Explorer.defaultDporBudget(1)).report().reduction());
    }
}
