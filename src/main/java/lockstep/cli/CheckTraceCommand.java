package lockstep.cli;

import lockstep.lang.InputFile;
import lockstep.oracle.TraceChecker;
import lockstep.oracle.TraceFile;
import lockstep.oracle.TraceReport;
import lockstep.vm.Program;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code lockstep check-trace FILE TRACE}: is the behaviour recorded in TRACE (by another
 * implementation of asyncio, or by CPython itself) one that CPython 3.12 allows for FILE?
 */
@Command(name = "check-trace", mixinStandardHelpOptions = true, description = {
        "Check a recorded run of FILE (JSON lines: the handles run, or only the final stdout) against CPython 3.12's semantics.",
        "Exit 0: allowed; 1: not allowed (the first diverging step and what 3.12 allows there); 2: bad input; 3: undecided (bound hit)."})
public final class CheckTraceCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Parameters(index = "0", paramLabel = "FILE", description = "the scenario") Path file;
    @Parameters(index = "1", paramLabel = "TRACE", description = "the recorded trace (JSON lines, see README)") Path trace;
    @Option(names = "--cancel", description = "stdout-only traces: at most K injected task.cancel() per schedule searched (default 0)") int cancels;
    @Option(names = "--max-schedules", description = "at most N model runs (default 100000)") long maxSchedules = 100_000;
    @Option(names = "--time-limit", description = "stop after S seconds (default 60)") double timeLimit = 60;
    @Option(names = "--max-steps", description = "at most N handles per run (default 100000)") int maxSteps = 100_000;
    @Option(names = "--json", description = "print one JSON object") boolean json;

    @picocli.CommandLine.Mixin PythonOption python;

    @Override public Integer call() {
        if (python.refused(main.err)) return 2;
        if (new OptionCheck().atLeast("--cancel", cancels, 0).atLeast("--max-schedules", maxSchedules, 1)
                .atLeast("--max-steps", maxSteps, 1).positive("--time-limit", timeLimit).failed(main.err)) return 2;
        String text;
        try {
            text = InputFile.readText(trace);
        } catch (InputFile.Unreadable e) {
            main.err.println(e.getMessage());
            return 2;
        }
        TraceFile t;
        try {
            t = TraceFile.parse(trace.toString(), text);
        } catch (TraceFile.BadTrace e) {
            main.err.println(e.getMessage());
            return 2;
        }
        Program p = main.compileOrNull(file, python.version());
        if (p == null) return 2;
        TraceChecker.Result r = TraceChecker.check(p, t, new TraceChecker.Options(cancels, maxSchedules, timeLimit, maxSteps));
        main.out.print(json ? TraceReport.json(file.toString(), trace.toString(), r) : TraceReport.text(file.toString(), trace.toString(), r));
        main.out.flush();
        return TraceReport.exitCode(r);
    }
}
