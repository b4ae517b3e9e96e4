package lockstep.cli;

import lockstep.oracle.TraceChecker;
import lockstep.oracle.TraceChecker.Divergence;
import lockstep.oracle.TraceChecker.Result;
import lockstep.oracle.TraceFile;
import lockstep.vm.Program;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code lockstep check-trace FILE TRACE}: is the behaviour recorded in TRACE (by another
 * implementation of asyncio, or by CPython itself) one that CPython 3.12 allows for FILE?
 * Exit 0 allowed, 1 not allowed, 2 bad input, 3 undecided (a search bound was hit).
 */
@Command(name = "check-trace", description = {
        "Check a recorded run of FILE (JSON lines: the handles run, or only the final stdout) against CPython 3.12's semantics.",
        "Exit 0: allowed; 1: not allowed (the first diverging step and what 3.12 allows there); 2: bad input; 3: undecided (bound hit)."})
public final class CheckTraceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the scenario") Path file;
    @Parameters(index = "1", paramLabel = "TRACE", description = "the recorded trace (JSON lines, see README)") Path trace;
    @Option(names = "--cancel", description = "stdout-only traces: at most K injected task.cancel() per schedule searched (default 0)") int cancels;
    @Option(names = "--max-schedules", description = "at most N model runs (default 100000)") long maxSchedules = 100_000;
    @Option(names = "--time-limit", description = "stop after S seconds (default 60)") double timeLimit = 60;
    @Option(names = "--max-steps", description = "at most N handles per run (default 100000)") int maxSteps = 100_000;
    @Option(names = "--json", description = "print one JSON object") boolean json;

    @Override public Integer call() {
        if (cancels < 0 || maxSchedules < 1 || maxSteps < 1 || !(timeLimit > 0)) {
            Main.ERR.println("lockstep: --cancel must be >= 0; --max-schedules, --max-steps and --time-limit > 0");
            return 2;
        }
        String text = Main.readOrNull(trace);
        if (text == null) return 2;
        TraceFile t;
        try {
            t = TraceFile.parse(trace.toString(), text);
        } catch (TraceFile.BadTrace e) {
            Main.ERR.println(e.getMessage());
            return 2;
        }
        Program p = Main.compileOrNull(file);
        if (p == null) return 2;
        Result r = TraceChecker.check(p, t, new TraceChecker.Options(cancels, maxSchedules, timeLimit, maxSteps));
        Main.OUT.print(json ? json(r) : text(r));
        Main.OUT.flush();
        return switch (r.status()) {
            case ALLOWED -> 0;
            case DIVERGES -> 1;
            case UNDECIDED -> 3;
        };
    }

    private String text(Result r) {
        StringBuilder sb = new StringBuilder();
        switch (r.status()) {
            case ALLOWED -> {
                sb.append("allowed: ").append(trace).append(" is a run CPython 3.12 allows for ").append(file);
                if (r.steps() > 0) sb.append(" (").append(r.steps()).append(" steps)");
                sb.append('\n');
                sb.append("schedule: \"").append(r.schedule()).append("\"\n");
                sb.append("replay:   lockstep replay ").append(file).append(" --schedule \"").append(r.schedule()).append("\"\n");
            }
            case DIVERGES -> sb.append("not allowed: ").append(trace).append(" is not a run CPython 3.12 allows for ").append(file).append('\n');
            case UNDECIDED -> sb.append("undecided: ").append(trace).append(" was neither matched nor ruled out for ").append(file).append('\n');
        }
        if (r.note() != null) sb.append("note: ").append(r.note()).append('\n');
        Divergence d = r.divergence();
        if (d != null) {
            sb.append(r.status() == TraceChecker.Status.DIVERGES ? "diverges" : "closest");
            if (d.step() > 0) sb.append(" at step ").append(d.step());
            sb.append(" (").append(trace).append(':').append(d.line()).append("): ").append(d.reason()).append('\n');
            sb.append("  the trace has:  ").append(d.recorded()).append('\n');
            sb.append("  3.12 allows:    ");
            if (d.allowed().isEmpty()) sb.append("(nothing)\n");
            for (int i = 0; i < d.allowed().size(); i++) {
                if (i > 0) sb.append("                  ");
                sb.append(d.allowed().get(i)).append('\n');
            }
            sb.append("  schedule of 3.12 up to there: \"").append(d.schedule()).append("\"\n");
        }
        return sb.toString();
    }

    private String json(Result r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", file.toString());
        o.put("trace", trace.toString());
        o.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        o.put("schedule", r.schedule());
        o.put("steps", r.steps());
        o.put("runs", r.runs());
        Divergence d = r.divergence();
        if (d != null) {
            Map<String, Object> dv = new LinkedHashMap<>();
            dv.put("step", d.step());
            dv.put("line", d.line());
            dv.put("reason", d.reason());
            dv.put("recorded", d.recorded());
            dv.put("allowed", d.allowed());
            dv.put("schedule", d.schedule());
            o.put("divergence", dv);
        } else {
            o.put("divergence", null);
        }
        o.put("note", r.note());
        return lockstep.oracle.OracleJson.write(o) + "\n";
    }
}
