package lockstep.oracle;

import lockstep.Lockstep;
import lockstep.explore.Explorer;
import lockstep.explore.Replay;
import lockstep.explore.ReportWriter;
import lockstep.explore.Schedule;
import lockstep.core.PyVersion;
import lockstep.lang.InputFile;
import lockstep.lang.ScenarioError;
import lockstep.vm.Program;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code lockstep batch}: many requests in one JVM (the live differential test sends
 * thousands). One JSON object per input line, one JSON line answered per request, in order:
 * <pre>
 *   {"op": "run", "file": F}                        as lockstep run F
 *   {"op": "run", "file": F, "schedule": S}         as lockstep replay F --schedule S
 *   {"op": "explore", "file": F, "strategy": "random", "seed": 1, "cancel": 1,
 *    "max_schedules": 20, "max_steps": 10000, "time_limit": 60, "depth": 3}
 *                                                   as lockstep explore F ... --json, with its
 *                                                   defaults (exhaustive, 10000 steps, 600 s)
 *   any request may say "python": V (3.10 to 3.14; 3.12 by default)
 *   {"op": "check-trace", "file": F, "trace": PATH}  (or "trace_text": the JSON lines)
 *                                                   as lockstep check-trace F PATH --json
 * </pre>
 * run answers {"stdout", "exit", "stderr"} (exit 2 with "misfit" when the schedule does not
 * fit the program); explore and check-trace answer their --json object. A refused file, a
 * malformed request or a bad trace answers {"error": message} (the message as the command
 * would print it). Each file is read and compiled once per batch and version.
 */
public final class Batch {
    private Batch() {}

    private static final Map<String, Object> compiled = new HashMap<>();

    /** Answers every request line of {@code in} on {@code out}; returns at the end of the input. */
    public static void serve(BufferedReader in, PrintStream out) throws IOException {
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) continue;
            String answer;
            try {
                answer = handle(line, n);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                answer = error(lockstep.Failure.describe(e));
            }
            out.print(answer.endsWith("\n") ? answer : answer + "\n");
            out.flush();
        }
    }

    static String handle(String line, int lineNo) {
        Object v;
        try {
            v = Json.parse(line);
        } catch (Json.Malformed e) {
            return error("<stdin>:" + lineNo + ":" + e.col + ": " + e.getMessage());
        }
        if (!(v instanceof Json.Obj) || !(((Json.Obj) v).get("file") instanceof String)) {
            return error("<stdin>:" + lineNo + ":1: a request is an object with \"op\" and \"file\"");
        }
        Json.Obj req = (Json.Obj) v;
        String python = String.valueOf(req.getOrDefault("python", PyVersion.DEFAULT.text));
        java.util.Optional<String> refused = PyVersion.refusal(python);
        if (refused.isPresent()) return error("\"python\": " + refused.get());
        String file = (String) req.get("file");
        Object prog = program(file, PyVersion.parse(python).orElseThrow());
        if (prog instanceof String) return error((String) prog);
        Program p = (Program) prog;
        String op = String.valueOf(req.get("op"));
        switch (op) {
            case "run": return run(req, file, p);
            case "explore": return explore(req, file, p);
            case "check-trace": return checkTrace(req, file, p);
            default: return error("unknown op '" + op + "' (run, explore, check-trace)");
        }
    }

    private static String run(Json.Obj req, String file, Program p) {
        List<Schedule.Decision> s;
        try {
            s = Schedule.parse(req.get("schedule") instanceof String ? (String) req.get("schedule") : "");
        } catch (Schedule.BadSchedule e) {
            return error(e.getMessage());
        }
        Replay.Result r = Replay.replay(p, s, null, (int) num(req, "max_steps", Lockstep.MAX_HANDLES));
        Map<String, Object> o = new LinkedHashMap<>();
        if (r.misfit() != null) {
            o.put("stdout", "");
            o.put("exit", 2);
            o.put("stderr", "lockstep: the schedule does not fit " + file + ": " + r.misfit() + "\n");
            o.put("misfit", r.misfit());
        } else {
            o.put("stdout", r.run().stdout());
            o.put("exit", r.run().exit());
            o.put("stderr", r.run().stderr());
        }
        return Json.write(o);
    }

    private static String explore(Json.Obj req, String file, Program p) {
        Explorer.Strategy st;
        try {
            st = Explorer.Strategy.valueOf(String.valueOf(req.getOrDefault("strategy", "exhaustive")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return error("unknown strategy (exhaustive, random, pct)");
        }
        long dflt = st == Explorer.Strategy.EXHAUSTIVE ? 1_000_000 : 1000;
        Explorer.Options o = new Explorer.Options(st, num(req, "seed", 0), (int) num(req, "depth", 3),
                (int) num(req, "cancel", 0), num(req, "max_schedules", dflt), (int) num(req, "max_steps", 10_000),
                dbl(req, "time_limit", 600), false, System.err);
        return ReportWriter.json(file, new Explorer(p, o).explore());
    }

    private static String checkTrace(Json.Obj req, String file, Program p) {
        String name, text;
        if (req.get("trace_text") instanceof String) {
            name = "<trace>";
            text = (String) req.get("trace_text");
        } else if (req.get("trace") instanceof String) {
            name = (String) req.get("trace");
            try {
                text = InputFile.readText(Path.of(name));
            } catch (InputFile.Unreadable e) {
                return error(e.getMessage());
            } catch (java.nio.file.InvalidPathException e) {
                return error(name + ": not a valid path");
            }
        } else {
            return error("check-trace needs \"trace\" (a path) or \"trace_text\"");
        }
        TraceFile t;
        try {
            t = TraceFile.parse(name, text);
        } catch (TraceFile.BadTrace e) {
            return error(e.getMessage());
        }
        TraceChecker.Options d = TraceChecker.Options.defaults();
        TraceChecker.Options o = new TraceChecker.Options((int) num(req, "cancel", d.cancels()),
                num(req, "max_schedules", d.maxSchedules()), dbl(req, "time_limit", d.timeLimitSeconds()),
                (int) num(req, "max_steps", d.maxSteps()));
        return TraceReport.json(file, name, TraceChecker.check(p, t, o));
    }

    private static long num(Json.Obj req, String key, long dflt) {
        Object v = req.get(key);
        return v instanceof Long ? (Long) v : dflt;
    }

    private static double dbl(Json.Obj req, String key, double dflt) {
        Object v = req.get(key);
        return v instanceof Long ? (double) (Long) v : v instanceof Double ? (Double) v : dflt;
    }

    private static Object program(String file, PyVersion version) {
        return compiled.computeIfAbsent(version.text + " " + file, k -> {
            String f = file;
            try {
                return Program.compile(f, InputFile.readSource(Path.of(f)), version);
            } catch (InputFile.Unreadable e) {
                return e.getMessage();
            } catch (java.nio.file.InvalidPathException e) {
                return f + ": not a valid path";
            } catch (ScenarioError e) {
                return e.getMessage();
            }
        });
    }

    private static String error(String msg) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("error", msg);
        return Json.write(o);
    }
}
