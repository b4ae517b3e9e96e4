package lockstep.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A recorded trace: JSON lines (see the README's check-trace section). Each line is one
 * of
 * <ul>
 *   <li>a handle the loop ran: {@code {"step": n, "kind": K, "task": T, "func": F,
 *       "stdout": S, "time": X}} — {@code kind} required, {@code task} required for
 *       the task kinds, the rest optional;</li>
 *   <li>an injected cancellation: {@code {"kind": "cancel", "task": T}};</li>
 *   <li>the end of the run, last: {@code {"stdout": S, "exit": N}} (either may be
 *       missing; a trace of only this line is checked by its stdout alone).</li>
 * </ul>
 * Blank lines and lines starting with {@code #} are skipped.
 */
public final class TraceFile {

    /** One handle run (cancel == false) or one injected task.cancel() (cancel == true). */
    public record Event(int line, boolean cancel, String kind, String task, String func, String stdout, Double time) {
        public String describe() {
            if (cancel) return "cancel " + task;
            StringBuilder sb = new StringBuilder(kind);
            if (task != null) sb.append(' ').append(task);
            else if (func != null) sb.append(' ').append(func);
            return sb.toString();
        }
    }

    /** The final line: what the whole run printed and how it ended (each may be null). */
    public record End(int line, String stdout, Integer exit) {}

    /** A malformed trace: {@code FILE:LINE:COL: error: ...}. */
    public static final class BadTrace extends Exception {
        public BadTrace(String message) { super(message); }
    }

    public final String file;
    public final List<Event> events;
    public final End end;

    private TraceFile(String file, List<Event> events, End end) {
        this.file = file;
        this.events = events;
        this.end = end;
    }

    /** Number of handle runs (steps) in the trace. */
    public int steps() {
        int n = 0;
        for (Event e : events) if (!e.cancel()) n++;
        return n;
    }

    /** Whether the trace records only the run's stdout (and exit), no steps. */
    public boolean stdoutOnly() { return events.isEmpty(); }

    public static TraceFile parse(String file, String text) throws BadTrace {
        List<Event> events = new ArrayList<>();
        End end = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int ln = i + 1;
            String raw = lines[i];
            if (raw.endsWith("\r")) raw = raw.substring(0, raw.length() - 1);
            if (raw.isBlank() || raw.stripLeading().startsWith("#")) continue;
            Object v;
            try {
                v = Json.parse(raw);
            } catch (Json.Malformed e) {
                throw bad(file, ln, e.col, e.getMessage());
            }
            if (!(v instanceof Json.Obj o)) throw bad(file, ln, 1, "a trace line is a JSON object");
            if (end != null) throw bad(file, ln, 1, "a line after the final {\"stdout\", \"exit\"} line (line " + end.line() + ")");
            for (String k : o.keySet()) {
                if (!Map.of("step", 1, "kind", 1, "task", 1, "func", 1, "stdout", 1, "time", 1, "exit", 1).containsKey(k)) {
                    throw bad(file, ln, o.at(k)[1], "unknown field \"" + k + "\" (known: step, kind, task, func, stdout, time, exit)");
                }
            }
            if (!o.containsKey("kind")) {
                for (String k : List.of("step", "task", "func", "time")) {
                    if (o.containsKey(k)) throw bad(file, ln, o.at(k)[1], "a line with \"" + k + "\" needs a \"kind\"");
                }
                if (!o.containsKey("stdout") && !o.containsKey("exit")) {
                    throw bad(file, ln, o.col, "a line needs a \"kind\" (a handle run) or \"stdout\"/\"exit\" (the end of the run)");
                }
                String stdout = string(file, ln, o, "stdout");
                Integer exit = null;
                if (o.containsKey("exit")) {
                    if (!(o.get("exit") instanceof Long x) || x < 0 || x > 255) throw bad(file, ln, o.at("exit")[1], "\"exit\" must be an integer 0..255");
                    exit = (int) (long) x;
                }
                end = new End(ln, stdout, exit);
                continue;
            }
            if (o.containsKey("exit")) throw bad(file, ln, o.at("exit")[1], "\"exit\" belongs on the final line, which has no \"kind\"");
            String kind = string(file, ln, o, "kind");
            String task = string(file, ln, o, "task");
            String func = string(file, ln, o, "func");
            String stdout = string(file, ln, o, "stdout");
            if (o.containsKey("step") && !(o.get("step") instanceof Long)) throw bad(file, ln, o.at("step")[1], "\"step\" must be an integer");
            Double time = null;
            if (o.containsKey("time")) {
                Object t = o.get("time");
                if (t instanceof Long l) time = (double) l;
                else if (t instanceof Double d) time = d;
                else throw bad(file, ln, o.at("time")[1], "\"time\" must be a number");
            }
            if (kind.equals("cancel")) {
                if (task == null) throw bad(file, ln, o.at("kind")[1], "a \"cancel\" line needs the \"task\" it cancels");
                events.add(new Event(ln, true, kind, task, null, null, null));
                continue;
            }
            if (!HandleInfo.KINDS.contains(kind)) {
                throw bad(file, ln, o.at("kind")[1], "unknown kind \"" + kind
                        + "\" (task-step, task-wakeup, task, stop, callback, internal, cancel)");
            }
            boolean taskKind = kind.equals(HandleInfo.TASK_STEP) || kind.equals(HandleInfo.TASK_WAKEUP) || kind.equals("task");
            if (taskKind && task == null) throw bad(file, ln, o.at("kind")[1], "a \"" + kind + "\" line needs the \"task\" it runs");
            if (!taskKind && task != null) task = null;   // informative only
            events.add(new Event(ln, false, kind, task, func, stdout, time));
        }
        if (events.isEmpty() && end == null) throw bad(file, 1, 1, "empty trace: no step and no final line");
        return new TraceFile(file, List.copyOf(events), end);
    }

    private static String string(String file, int ln, Json.Obj o, String key) throws BadTrace {
        if (!o.containsKey(key)) return null;
        if (o.get(key) instanceof String s) return s;
        throw bad(file, ln, o.at(key)[1], "\"" + key + "\" must be a string, not " + Json.typeName(o.get(key)));
    }

    private static BadTrace bad(String file, int line, int col, String msg) {
        return new BadTrace(file + ":" + line + ":" + col + ": error: " + msg);
    }
}
