package lockstep.oracle;

import lockstep.Lockstep;
import lockstep.explore.Explorer;
import lockstep.explore.Replay;
import lockstep.explore.ReportWriter;
import lockstep.explore.Schedule;
import lockstep.lang.ScenarioError;
import lockstep.vm.Program;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The lockstep side of the differential test (model/cpython/differential.mjs), in one JVM:
 * reads JSON requests on stdin, one per line, and answers each with one JSON line.
 * <pre>
 *   {"op": "run", "file": F}                      lockstep run F
 *   {"op": "run", "file": F, "schedule": S}       lockstep replay F --schedule S
 *   {"op": "explore", "file": F, "strategy": "random", "seed": 1, "max_schedules": 20,
 *    "cancel": 1, "max_steps": 10000, "time_limit": 60}
 *                                                  lockstep explore F ... --json --quiet
 * </pre>
 * run answers {"stdout", "exit", "stderr"} (exit 2 and "misfit" when the schedule does not
 * fit); explore answers explore's JSON object; a refused file or a bad request answers
 * {"error": message}. Run with {@code java -cp lockstep.jar lockstep.oracle.OracleServer}.
 */
public final class OracleServer {
    private OracleServer() {}

    private static final Map<String, Object> compiled = new HashMap<>();

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            String answer;
            try {
                answer = handle(line);
            } catch (RuntimeException e) {
                answer = error("internal error: " + e);
            }
            out.print(answer.endsWith("\n") ? answer : answer + "\n");
            out.flush();
        }
    }

    static String handle(String line) {
        Object v;
        try {
            v = Json.parse(line);
        } catch (Json.Malformed e) {
            return error("bad request: " + e.getMessage());
        }
        if (!(v instanceof Json.Obj req) || !(req.get("file") instanceof String file)) return error("bad request: needs \"op\" and \"file\"");
        Object prog = program(file);
        if (prog instanceof String msg) return error(msg);
        Program p = (Program) prog;
        String op = String.valueOf(req.get("op"));
        switch (op) {
            case "run": {
                Map<String, Object> o = new LinkedHashMap<>();
                if (req.get("schedule") == null) {
                    Lockstep.RunResult r = Lockstep.run(file, source(file));
                    o.put("stdout", r.stdout());
                    o.put("exit", r.exitCode());
                    o.put("stderr", r.stderr());
                    return Json.write(o);
                }
                java.util.List<Schedule.Decision> s;
                try {
                    s = Schedule.parse(String.valueOf(req.get("schedule")));
                } catch (Schedule.BadSchedule e) {
                    return error(e.getMessage());
                }
                Replay.Result r = Replay.replay(p, s, null, (int) num(req, "max_steps", 1_000_000));
                if (r.misfit() != null) {
                    o.put("stdout", "");
                    o.put("exit", 2);
                    o.put("stderr", "the schedule does not fit " + file + ": " + r.misfit() + "\n");
                    o.put("misfit", r.misfit());
                } else {
                    o.put("stdout", r.run().stdout());
                    o.put("exit", r.run().exit());
                    o.put("stderr", r.run().stderr());
                }
                return Json.write(o);
            }
            case "explore": {
                Explorer.Strategy st;
                try {
                    st = Explorer.Strategy.valueOf(String.valueOf(req.getOrDefault("strategy", "random")).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return error("unknown strategy");
                }
                Explorer.Options o = new Explorer.Options(st, num(req, "seed", 0), (int) num(req, "depth", 3),
                        (int) num(req, "cancel", 0), num(req, "max_schedules", 1000), (int) num(req, "max_steps", 10_000),
                        num(req, "time_limit", 600), false, System.err);
                return ReportWriter.json(file, new Explorer(p, o).explore());
            }
            default:
                return error("unknown op '" + op + "' (run, explore)");
        }
    }

    private static long num(Json.Obj req, String key, long dflt) {
        return req.get(key) instanceof Long l ? l : dflt;
    }

    private static String source(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Object program(String file) {
        return compiled.computeIfAbsent(file, f -> {
            try {
                return Program.compile(f, Files.readString(Path.of(f), StandardCharsets.UTF_8));
            } catch (IOException e) {
                return f + ":1:1: error: cannot read file (" + e.getClass().getSimpleName() + ")";
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
