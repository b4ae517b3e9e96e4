package lockstep.oracle;

import lockstep.oracle.TraceChecker.Divergence;
import lockstep.oracle.TraceChecker.Result;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What {@code lockstep check-trace} prints: readable text or one JSON object; and its exit code. */
public final class TraceReport {
    private TraceReport() {}

    /** 0 allowed, 1 not allowed, 3 undecided (a bound was hit before either was shown). */
    public static int exitCode(Result r) {
        switch (r.status()) {
            case ALLOWED: return 0;
            case DIVERGES: return 1;
            default: return 3;
        }
    }

    public static String text(String file, String trace, Result r) {
        StringBuilder sb = new StringBuilder();
        switch (r.status()) {
            case ALLOWED:
                sb.append("allowed: ").append(trace).append(" is a run CPython 3.12 allows for ").append(file);
                if (r.steps() > 0) sb.append(" (").append(r.steps()).append(" steps)");
                sb.append('\n');
                sb.append("schedule: \"").append(r.schedule()).append("\"\n");
                sb.append("replay:   lockstep replay ").append(file).append(" --schedule \"").append(r.schedule()).append("\"\n");
                break;
            case DIVERGES:
                sb.append("not allowed: ").append(trace).append(" is not a run CPython 3.12 allows for ").append(file).append('\n');
                break;
            default:
                sb.append("undecided: ").append(trace).append(" was neither matched nor ruled out for ").append(file).append('\n');
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

    public static String json(String file, String trace, Result r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", file);
        o.put("trace", trace);
        o.put("status", r.status().name().toLowerCase(Locale.ROOT));
        o.put("schedule", r.schedule());
        o.put("steps", r.steps());
        o.put("runs", r.runs());
        Divergence d = r.divergence();
        Map<String, Object> dv = null;
        if (d != null) {
            dv = new LinkedHashMap<>();
            dv.put("step", d.step());
            dv.put("line", d.line());
            dv.put("reason", d.reason());
            dv.put("recorded", d.recorded());
            dv.put("allowed", d.allowed());
            dv.put("schedule", d.schedule());
        }
        o.put("divergence", dv);
        o.put("note", r.note());
        return Json.write(o) + "\n";
    }
}
