package lockstep.cli;

import lockstep.Lockstep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import lockstep.explore.Explorer;
import lockstep.explore.Replay;
import lockstep.explore.ReportWriter;
import lockstep.explore.Schedule;
import lockstep.lang.ScenarioError;
import lockstep.oracle.OutcomeComparison;
import lockstep.vm.Program;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The command line: run, explore, replay, check-trace, batch, bench. Thin: parsing arguments and printing results. */
@Command(name = "lockstep", mixinStandardHelpOptions = true, version = "lockstep 0.1",
        description = "Deterministic model of asyncio's synchronization primitives (CPython 3.12).",
        subcommands = {Main.Run.class, Main.Explore.class, Main.ReplayCmd.class, CheckTraceCommand.class, BatchCommand.class, BenchCommand.class})
public final class Main implements Callable<Integer> {

    static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    static final PrintStream ERR = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);

    @Override public Integer call() {
        new CommandLine(this).usage(ERR);
        return 2;
    }

    @Command(name = "run", description = "Run FILE with CPython's schedule; print what python3.12 FILE prints.")
    static final class Run implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "a scenario: a plain Python asyncio program")
        Path file;

        @Override public Integer call() {
            String source = readOrNull(file);
            if (source == null) return 2;
            Lockstep.RunResult r = Lockstep.run(file.toString(), source);
            OUT.print(r.stdout());
            OUT.flush();
            ERR.print(r.stderr());
            ERR.flush();
            return r.exitCode();
        }
    }

    /** Reads and compiles FILE; prints the refusal and returns null if it cannot run. */
    static Program compileOrNull(Path file) {
        String source = readOrNull(file);
        if (source == null) return null;
        try {
            return Program.compile(file.toString(), source);
        } catch (ScenarioError e) {
            ERR.println(e.getMessage());
            return null;
        }
    }

    @Command(name = "explore", description = "Explore every schedule of FILE (and injected cancellations); report outcomes and violations.")
    static final class Explore implements Callable<Integer> {
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--strategy", description = "exhaustive (default), random or pct") String strategy = "exhaustive";
        @Option(names = "--seed", description = "seed of random and pct (default 0)") long seed;
        @Option(names = "--depth", description = "PCT bug depth d (default 3)") int depth = 3;
        @Option(names = "--cancel", description = "at most K injected task.cancel() per schedule (default 0)") int cancels;
        @Option(names = "--max-schedules", description = "stop after N schedules (default: 1000000 exhaustive, 1000 random/pct)") Long maxSchedules;
        @Option(names = "--max-steps", description = "at most N steps per schedule (default 10000)") int maxSteps = 10_000;
        @Option(names = "--time-limit", description = "stop after S seconds (default 600)") double timeLimit = 600;
        @Option(names = "--json", description = "print one JSON object") boolean json;
        @Option(names = "--quiet", description = "no progress on stderr") boolean quiet;
        @Option(names = "--no-reduction", description = "exhaustive: explore independent steps in every order (no sleep sets)") boolean noReduction;
        @Option(names = "--no-cache", description = "exhaustive: do not cut runs at states already explored") boolean noCache;
        @Option(names = "--compare-outcomes", paramLabel = "OBSERVED", description = "compare with outcomes observed elsewhere (explore --json output, a list of {stdout, exit}, or JSON lines)") Path compareOutcomes;

        @Override public Integer call() {
            Explorer.Strategy st;
            try {
                st = Explorer.Strategy.valueOf(strategy.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                ERR.println("lockstep: unknown strategy '" + strategy + "' (exhaustive, random, pct)");
                return 2;
            }
            if (cancels < 0 || maxSteps < 1 || depth < 1) {
                ERR.println("lockstep: --cancel must be >= 0, --max-steps and --depth >= 1");
                return 2;
            }
            java.util.List<OutcomeComparison.Observed> observed = null;
            if (compareOutcomes != null) {
                try {
                    observed = OutcomeComparison.read(compareOutcomes);
                } catch (OutcomeComparison.BadObserved e) {
                    ERR.println(e.getMessage());
                    return 2;
                }
            }
            Program p = compileOrNull(file);
            if (p == null) return 2;
            long max = maxSchedules != null ? maxSchedules : (st == Explorer.Strategy.EXHAUSTIVE ? 1_000_000 : 1000);
            Explorer.Options o = new Explorer.Options(st, seed, depth, cancels, max, maxSteps, timeLimit, !quiet && !json, ERR,
                    !noReduction, !noCache);
            Explorer.Report r = new Explorer(p, o).explore();
            if (observed != null) {
                return OutcomeComparison.report(file.toString(), p, o, r, compareOutcomes.toString(), observed, json, OUT);
            }
            OUT.print(json ? ReportWriter.json(file.toString(), r) : ReportWriter.text(file.toString(), r));
            OUT.flush();
            return r.violations().isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "replay", description = "Replay FILE under a schedule printed by explore; print its stdout.")
    static final class ReplayCmd implements Callable<Integer> {
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--schedule", description = "the schedule (default: empty, CPython's own order)") String schedule = "";
        @Option(names = "--trace", description = "a step-by-step account on stderr") boolean trace;
        @Option(names = "--max-steps", description = "at most N steps (default 1000000)") int maxSteps = 1_000_000;

        @Override public Integer call() {
            java.util.List<Schedule.Decision> s;
            try {
                s = Schedule.parse(schedule);
            } catch (Schedule.BadSchedule e) {
                ERR.println("lockstep: " + e.getMessage());
                return 2;
            }
            Program p = compileOrNull(file);
            if (p == null) return 2;
            Replay.Result r = Replay.replay(p, s, trace ? ERR : null, maxSteps);
            if (r.misfit() != null) {
                ERR.println("lockstep: the schedule does not fit " + file + ": " + r.misfit());
                return 2;
            }
            OUT.print(r.run().stdout());
            OUT.flush();
            if (trace) for (String[] v : r.violations()) ERR.println("violation: " + v[0] + ": " + v[1]);
            ERR.print(r.run().stderr());
            ERR.flush();
            return r.run().exit();
        }
    }

    static String readOrNull(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            ERR.println(file + ":1:1: error: file is not UTF-8 text");
            return null;
        } catch (IOException e) {
            ERR.println(file + ":1:1: error: cannot read file (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setErr(new java.io.PrintWriter(ERR, true));
        cl.setOut(new java.io.PrintWriter(OUT, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            ERR.println("lockstep: " + ex.getMessage());
            ex.getCommandLine().usage(ERR);
            return 2;
        });
        System.exit(cl.execute(args));
    }
}
