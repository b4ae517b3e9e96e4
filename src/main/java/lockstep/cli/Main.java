package lockstep.cli;

import lockstep.Failure;
import lockstep.Lockstep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import lockstep.explore.Explorer;
import lockstep.explore.Replay;
import lockstep.explore.ReportWriter;
import lockstep.explore.Schedule;
import lockstep.lang.InputFile;
import lockstep.lang.ScenarioError;
import lockstep.oracle.OutcomeComparison;
import lockstep.vm.Program;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** The command line: run, explore, replay, check-trace, batch, bench, bugs. Thin: parsing arguments and printing results. */
@Command(name = "lockstep", mixinStandardHelpOptions = true, version = "lockstep 0.1",
        description = "Deterministic model of asyncio's synchronization primitives (CPython 3.12; --python VER).",
        subcommands = {Main.Run.class, Main.Explore.class, Main.ReplayCmd.class, CheckTraceCommand.class, BatchCommand.class, BenchCommand.class,
                BugsCommand.class})
public final class Main implements Callable<Integer> {

    final PrintStream out;
    final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override public Integer call() {
        new CommandLine(this).usage(err);
        return 2;
    }

    /**
     * The exit code of a command stopped by the JVM (memory, stack) or by a bug: the code
     * each command's contract gives to "could not finish" (run and replay: 4, a bound of
     * the model; check-trace: 3, undecided; explore: 2, its only code for no answer).
     */
    private static final Map<String, Integer> FAILURE_EXIT = Map.of("run", 4, "replay", 4, "batch", 4,
            "check-trace", 3, "explore", 2);

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run FILE with CPython's schedule; print what python3.12 FILE prints.")
    static final class Run implements Callable<Integer> {
        @picocli.CommandLine.Mixin PythonOption python;
        @ParentCommand Main main;
        @Parameters(paramLabel = "FILE", description = "a scenario: a plain Python asyncio program")
        Path file;

        @Override public Integer call() {
            if (python.refused(main.err)) return 2;
            String source = main.readSourceOrNull(file);
            if (source == null) return 2;
            Lockstep.RunResult r = Lockstep.run(file.toString(), source, python.version());
            main.out.print(r.stdout());
            main.out.flush();
            main.err.print(r.stderr());
            main.err.flush();
            return r.exitCode();
        }
    }

    /** Reads and compiles FILE to run as CPython 3.12; prints the refusal and returns null if it cannot run. */
    Program compileOrNull(Path file) {
        return compileOrNull(file, lockstep.core.PyVersion.DEFAULT);
    }

    /** Reads and compiles FILE to run as CPython {@code version}; prints the refusal and returns null if it cannot run. */
    Program compileOrNull(Path file, lockstep.core.PyVersion version) {
        String source = readSourceOrNull(file);
        if (source == null) return null;
        try {
            return Program.compile(file.toString(), source, version);
        } catch (ScenarioError e) {
            err.println(e.getMessage());
            return null;
        }
    }

    /** FILE's text as Python reads it; prints why and returns null if it cannot be read. */
    String readSourceOrNull(Path file) {
        try {
            return InputFile.readSource(file);
        } catch (InputFile.Unreadable e) {
            err.println(e.getMessage());
            return null;
        }
    }

    @Command(name = "explore", mixinStandardHelpOptions = true,
            description = "Explore every schedule of FILE (and injected cancellations); report outcomes and violations.")
    static final class Explore implements Callable<Integer> {
        @picocli.CommandLine.Mixin PythonOption python;
        @ParentCommand Main main;
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
        @Option(names = "--dpor-budget", paramLabel = "N", description = "exhaustive: schedules the stateless DPOR search may run; the search with sleep sets and state caching takes over as soon as DPOR judges it needs more (default 32 without --cancel, 0 with it; 0: never DPOR)") Long dporBudget;
        @Option(names = "--check-fingerprints", description = "exhaustive: keep every visited state whole and count fingerprint collisions (slow, for checking)") boolean checkFingerprints;
        @Option(names = "--threads", paramLabel = "N", description = "exhaustive: the search hands the subtrees below a print over to N-1 other threads; the report is the same for any N, --max-schedules included (default: every core; 2 threads pay on long searches whose runs print early, 1.4x to 1.8x on 1.2 and 2.5 million states; a thread that would take the core the JIT compiler needs starts once the compiler is quiet, about 5 s into a run from the command line; no more threads than the machine's cores are used: idle ones only take turns with the others)") Integer threads;
        @Option(names = "--compare-outcomes", paramLabel = "OBSERVED", description = "compare with outcomes observed elsewhere (explore --json output, a list of {stdout, exit}, or JSON lines)") Path compareOutcomes;
        @Option(names = "--html", paramLabel = "DIR", description = "also write a swimlane page per outcome and per violation, and index.html, into DIR") Path html;

        @Override public Integer call() {
            if (python.refused(main.err)) return 2;
            Explorer.Strategy st;
            try {
                st = Explorer.Strategy.valueOf(strategy.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                main.err.println("lockstep: unknown strategy '" + strategy + "' (exhaustive, random, pct)");
                return 2;
            }
            if (new OptionCheck().atLeast("--cancel", cancels, 0).atLeast("--max-steps", maxSteps, 1)
                    .atLeast("--depth", depth, 1).atLeast("--max-schedules", maxSchedules, 1).atLeast("--threads", threads, 1)
                    .atLeast("--dpor-budget", dporBudget, 0)
                    .positive("--time-limit", timeLimit).failed(main.err)) return 2;
            java.util.List<OutcomeComparison.Observed> observed = null;
            if (compareOutcomes != null) {
                try {
                    observed = OutcomeComparison.read(compareOutcomes);
                } catch (OutcomeComparison.BadObserved e) {
                    main.err.println(e.getMessage());
                    return 2;
                }
            }
            Program p = main.compileOrNull(file, python.version());
            if (p == null) return 2;
            long max = maxSchedules != null ? maxSchedules : (st == Explorer.Strategy.EXHAUSTIVE ? 1_000_000 : 1000);
            Explorer.Options o = new Explorer.Options(st, seed, depth, cancels, max, maxSteps, timeLimit, !quiet && !json, main.err,
                    !noReduction, !noCache, checkFingerprints,
                    threads != null ? Math.min(threads, Runtime.getRuntime().availableProcessors()) : Explorer.Options.defaultThreads(), true,
                    dporBudget != null ? dporBudget : Explorer.defaultDporBudget(cancels));
            Explorer.Report r = new Explorer(p, o).explore();
            if (html != null && !HtmlOutput.explore(main, file, p, r, html, maxSteps)) return 2;
            if (observed != null) {
                return OutcomeComparison.report(file.toString(), p, o, r, compareOutcomes.toString(), observed, json, main.out);
            }
            main.out.print(json ? ReportWriter.json(file.toString(), r) : ReportWriter.text(file.toString(), r));
            main.out.flush();
            return r.violations().isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Replay FILE under a schedule printed by explore; print its stdout.")
    static final class ReplayCmd implements Callable<Integer> {
        @picocli.CommandLine.Mixin PythonOption python;
        @ParentCommand Main main;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--schedule", description = "the schedule (default: empty, CPython's own order)") String schedule = "";
        @Option(names = "--trace", description = "a step-by-step account on stderr") boolean trace;
        @Option(names = "--max-steps", description = "at most N steps (default 1000000)") int maxSteps = 1_000_000;
        @Option(names = "--html", paramLabel = "OUT", description = "also write the run as a swimlane page (one self-contained HTML file) to OUT") Path html;

        @Override public Integer call() {
            if (python.refused(main.err)) return 2;
            if (new OptionCheck().atLeast("--max-steps", maxSteps, 1).failed(main.err)) return 2;
            java.util.List<Schedule.Decision> s;
            try {
                s = Schedule.parse(schedule);
            } catch (Schedule.BadSchedule e) {
                main.err.println("lockstep: --schedule: " + e.getMessage());
                return 2;
            }
            Program p = main.compileOrNull(file, python.version());
            if (p == null) return 2;
            Replay.Result r = Replay.replay(p, s, trace ? main.err : null, maxSteps);
            if (r.misfit() != null) {
                main.err.println("lockstep: the schedule does not fit " + file + ": " + r.misfit());
                return 2;
            }
            if (html != null && !HtmlOutput.replay(main, file, p, s, html, maxSteps)) return 2;
            main.out.print(r.run().stdout());
            main.out.flush();
            main.err.print(r.run().stderr());
            main.err.flush();
            return r.run().exit();
        }
    }

    /**
     * Runs the command line {@code args} with its output on {@code out} and {@code err};
     * returns the exit code. Nothing escapes: an error of the JVM or a bug ends the
     * command with one line on {@code err} and the command's failure exit code.
     */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new Main(out, err));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("lockstep: " + ex.getMessage());
            err.println("(lockstep " + ex.getCommandLine().getCommandName() + " --help for the usage)");
            return 2;
        });
        // an exception thrown by this handler would be printed by picocli with its stack trace
        cl.setExecutionExceptionHandler((ex, c, parsed) -> failed(c.getCommandName(), ex, err));
        try {
            return cl.execute(args);
        } catch (Throwable t) {
            CommandLine.ParseResult pr = cl.getParseResult();
            return failed(pr != null && pr.subcommand() != null ? pr.subcommand().commandSpec().name() : "", t, err);
        }
    }

    private static int failed(String subcommand, Throwable t, PrintStream err) {
        err.println("lockstep: " + Failure.describe(t));
        Failure.debug(t, err);
        return FAILURE_EXIT.getOrDefault(subcommand, 2);
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code;
        try {
            code = execute(out, err, args);
        } catch (Throwable t) { // an error while reporting an error (memory): leave at once
            Runtime.getRuntime().halt(4);
            return;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
