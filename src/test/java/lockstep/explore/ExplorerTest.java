package lockstep.explore;

import lockstep.Lockstep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lockstep.oracle.OutcomeComparison;
import lockstep.sched.Runner;
import lockstep.vm.Footprint;
import lockstep.vm.Observer;
import lockstep.vm.Program;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The explorer on the scenarios of {@code model/explore/}, whose outcomes are known. */
class ExplorerTest {

    static final Path DIR = Path.of("model", "explore");
    /** gh-112202: a notify() lost with a cancelled waiter while another waits on for good. */
    static final Path LOST_WAKEUP = Path.of("model", "invariants", "01_fire_lost_notify_gh112202.py");

    static Program program(Path f) throws Exception {
        return Program.compile(f.toString(), Files.readString(f));
    }

    static Explorer.Report explore(Path f, Explorer.Strategy s, long seed, int cancels, long maxSchedules, int maxSteps)
            throws Exception {
        return new Explorer(program(f), new Explorer.Options(s, seed, 3, cancels, maxSchedules, maxSteps, 120, false,
                System.err)).explore();
    }

    /**
     * The objects a step makes are its own: two steps from one state that each make and fill
     * objects of their own (a list, the coroutine of the sleep they await), under the same
     * heap ids, touch nothing in common, so their footprints do not conflict.
     */
    @Test
    void objectsAStepMakesDoNotOrderItAgainstOtherSteps() throws Exception {
        Program p = Program.compile("inline.py", """
                import asyncio

                async def worker():
                    box = []
                    box.append(1)
                    await asyncio.sleep(0)

                async def main():
                    await asyncio.gather(worker(), worker())

                asyncio.run(main())
                """);
        Runner.Chooser none = (m, ready, cancellable) -> { throw new AssertionError("no choice is left to the chooser"); };
        Runner r = Runner.start(p, 1_000, Observer.NONE);
        assertTrue(r.begin(none) && r.take(0, none)); // main's first step starts both workers
        assertEquals(2, r.machine().readyCount());
        Footprint[] fp = new Footprint[2];
        for (int i = 0; i < 2; i++) {
            Runner copy = r.copy();
            copy.machine().recordFootprint(new Footprint());
            copy.take(i, none);
            fp[i] = copy.machine().takeFootprint();
        }
        assertFalse(fp[0].conflicts(fp[1]), fp[0] + " / " + fp[1]);
    }

    /** The {@code --cancel K} and {@code --max-steps N} of a file's {@code # explore:} line. */
    static int option(Path f, String name, int dflt) throws IOException {
        Matcher m = Pattern.compile("^# explore:.*--" + name + " (\\d+)", Pattern.MULTILINE).matcher(Files.readString(f));
        return m.find() ? Integer.parseInt(m.group(1)) : dflt;
    }

    /**
     * Every outcome CPython 3.12 showed under 1000 shuffled schedules (X.observed.jsonl,
     * written by model/explore/observe.sh) is one that exhaustive exploration finds, and
     * exploration finds nothing else.
     */
    @TestFactory
    Stream<DynamicTest> outcomesAreThoseCPythonShows() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.list(DIR)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".observed.jsonl")).sorted().toList()) {
                Path py = Path.of(f.toString().replace(".observed.jsonl", ".py"));
                tests.add(DynamicTest.dynamicTest(py.getFileName().toString(), () -> {
                    Explorer.Report r = explore(py, Explorer.Strategy.EXHAUSTIVE, 0, option(py, "cancel", 0),
                            1_000_000, option(py, "max-steps", 10_000));
                    Set<String> found = new TreeSet<>();
                    for (Explorer.Outcome o : r.outcomes()) found.add(o.exit() + "\n" + Lockstep.maskAddresses(o.stdout()));
                    Set<String> observed = observed(f);
                    for (String o : observed) assertTrue(found.contains(o), "CPython showed an outcome explore missed:\n" + o);
                    if (r.complete()) assertEquals(observed, found, "outcomes");
                }));
            }
        }
        assertFalse(tests.isEmpty(), "no observed outcomes in " + DIR);
        return tests.stream();
    }

    static Set<String> observed(Path f) throws Exception {
        Set<String> out = new TreeSet<>();
        for (OutcomeComparison.Observed o : OutcomeComparison.read(f)) out.add(o.exit() + "\n" + o.stdout());
        return out;
    }

    @Test
    void threeTasksRacingForALockEnterInEveryOrder() throws Exception {
        Explorer.Report r = explore(DIR.resolve("02_lock_three_tasks.py"), Explorer.Strategy.EXHAUSTIVE, 0, 0, 1_000_000, 10_000);
        assertTrue(r.complete());
        assertEquals(6, r.outcomes().size(), "3! orders of entry");
        assertTrue(r.violations().isEmpty(), () -> "violations: " + r.violations());
    }

    @Test
    void lostWakeupNeedsAnInjectedCancel() throws Exception {
        Explorer.Report none = explore(LOST_WAKEUP, Explorer.Strategy.EXHAUSTIVE, 0, 0, 1_000_000, 10_000);
        assertTrue(none.complete());
        assertTrue(none.violations().isEmpty(), () -> "violations without a cancel: " + none.violations());
        Explorer.Report one = explore(LOST_WAKEUP, Explorer.Strategy.EXHAUSTIVE, 0, 1, 1_000_000, 10_000);
        assertTrue(one.complete());
        assertEquals(List.of("lost-wakeup", "deadlock"), one.violations().stream().map(Explorer.Violation::kind).toList());
    }

    @Test
    void pctFindsTheLostWakeupWithin10000Schedules() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            Explorer.Report r = explore(LOST_WAKEUP, Explorer.Strategy.PCT, seed, 1, 10_000, 10_000);
            assertTrue(r.violations().stream().anyMatch(v -> v.kind().equals("lost-wakeup")), "seed " + seed);
        }
    }

    @Test
    void shrunkScheduleReplaysToTheSameViolation() throws Exception {
        for (Explorer.Strategy s : Explorer.Strategy.values()) {
            Explorer.Report r = explore(LOST_WAKEUP, s, 7, 1, 10_000, 10_000);
            Explorer.Violation v = r.violations().get(0);
            Replay.Result replay = Replay.replay(program(LOST_WAKEUP), Schedule.parse(v.schedule()), null, 10_000);
            assertNull(replay.misfit());
            assertTrue(replay.violations().stream().anyMatch(x -> x[0].equals(v.kind()) && x[1].equals(v.message())),
                    s + ": schedule " + v.schedule() + " does not replay " + v.message());
            assertTrue(Schedule.parse(v.schedule()).stream().filter(Schedule.Decision::cancel).count() <= 1);
        }
    }

    @Test
    void everyOutcomeScheduleReplaysToItsOutcome() throws Exception {
        Path f = DIR.resolve("05_semaphore_four_tasks.py");
        Explorer.Report r = explore(f, Explorer.Strategy.EXHAUSTIVE, 0, 1, 1_000_000, 10_000);
        assertTrue(r.outcomes().size() > 1);
        for (Explorer.Outcome o : r.outcomes()) {
            Replay.Result replay = Replay.replay(program(f), Schedule.parse(o.schedule()), null, 10_000);
            assertEquals(o.stdout(), replay.run().stdout(), "schedule " + o.schedule());
            assertEquals(o.exit(), replay.run().exit());
        }
    }

    @Test
    void sameSeedSameReport() throws Exception {
        Path f = DIR.resolve("05_semaphore_four_tasks.py");
        for (Explorer.Strategy s : List.of(Explorer.Strategy.RANDOM, Explorer.Strategy.PCT)) {
            Explorer.Report a = explore(f, s, 42, 1, 300, 10_000);
            Explorer.Report b = explore(f, s, 42, 1, 300, 10_000);
            assertEquals(ReportWriter.json("x.py", a), ReportWriter.json("x.py", b), s.toString());
        }
    }

    /** With the stateful search, whose shortest cut schedule spins in the polling loop (DPOR's ends in asyncio.run's shutdown). */
    @Test
    void anUnboundedLoopStopsAtMaxStepsAndSaysSo() throws Exception {
        Explorer.Report r = new Explorer(program(DIR.resolve("07_spin_until_set.py")), new Explorer.Options(Explorer.Strategy.EXHAUSTIVE,
                0, 3, 0, 100_000, 200, 120, false, System.err, true, true, false, 1, true, 0)).explore();
        assertFalse(r.complete());
        assertEquals("max-steps", r.bound());
        assertEquals(1, r.outcomes().size());
        assertTrue(r.violations().isEmpty(), () -> "a cut schedule is not a violation: " + r.violations());
        assertEquals(1, r.bounds().size(), () -> "one bound, one group: " + r.bounds());
        Explorer.Violation cut = r.bounds().get(0);
        assertEquals("bound", cut.kind());
        assertTrue(cut.message().contains("Task-2 poller()") || cut.message().contains("gather(Task-2 poller()"), cut.message());
        Replay.Result replay = Replay.replay(program(DIR.resolve("07_spin_until_set.py")), Schedule.parse(cut.schedule()), null, 200);
        assertEquals(4, replay.run().exit(), "the listed schedule runs into the bound again");
    }

    @Test
    void maxSchedulesBoundsTheSearch() throws Exception {
        Explorer.Report r = explore(DIR.resolve("02_lock_three_tasks.py"), Explorer.Strategy.EXHAUSTIVE, 0, 0, 50, 10_000);
        assertFalse(r.complete());
        assertEquals("max-schedules", r.bound());
        assertEquals(50, r.schedules());
    }
}
