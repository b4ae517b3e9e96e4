package lockstep.bugs;

import lockstep.bugs.BugCatalogue.Bug;
import lockstep.bugs.BugCatalogue.Finding;
import lockstep.core.PyVersion;
import lockstep.oracle.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue's findings written out: the bug × version Markdown table of the README, and
 * one JSON line per finding (what {@code model/bugs/evidence.sh} replays on CPython).
 */
public final class BugTable {
    private BugTable() {}

    /**
     * One row per bug, one column per version of the contract. A cell is what explore
     * reported there: {@code **reported**} with the number of distinct violations of the
     * bug's kind and the first one's schedule, or {@code not reported}; a cell that disagrees with the scenario's header (the
     * versions the bug lives in) says {@code (unexpected)}, one from a search that did not
     * cover every schedule {@code (search incomplete)}.
     */
    public static String markdown(List<Bug> bugs, List<Finding> findings) {
        StringBuilder sb = new StringBuilder("| bug | scenario | looks for |");
        for (PyVersion v : PyVersion.values()) sb.append(' ').append(v.text).append(" |");
        sb.append("\n|---|---|---|").append("---|".repeat(PyVersion.values().length)).append('\n');
        for (Bug b : bugs) {
            sb.append("| ").append(b.name()).append(" | `").append(b.file().getFileName()).append("` | `").append(b.kind()).append("` |");
            for (Finding f : findings) if (f.bug().equals(b)) sb.append(' ').append(cell(f)).append(" |");
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cell(Finding f) {
        String text = switch (f.status()) {
            case REPORTED -> "**reported**" + (f.schedules().size() > 1 ? " ×" + f.schedules().size() : "")
                    + ", e.g. `" + (f.schedules().get(0).isEmpty() ? "\"\"" : f.schedules().get(0)) + "`";
            case NOT_REPORTED -> f.status().text;
        };
        if (!f.complete()) text += " (search incomplete)";
        return f.asExpected() ? text : text + " (unexpected)";
    }

    /** One JSON object per finding: bug, name, kind, python, status, expected, complete, schedules. */
    public static String jsonLine(Finding f) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("bug", f.bug().id());
        o.put("name", f.bug().name());
        o.put("kind", f.bug().kind());
        o.put("python", f.version().text);
        o.put("status", f.status().text);
        o.put("expected", f.asExpected());
        o.put("complete", f.complete());
        o.put("schedules", f.schedules());
        return Json.write(o);
    }
}
