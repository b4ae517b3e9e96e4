package lockstep.html;

import lockstep.html.Run.*;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws a {@link Run} as one self-contained HTML page (inline CSS and script, nothing
 * fetched): a column per lane (each task, then the loop's callbacks), a row per step in
 * order. The lane that ran holds a box with what it did and the scenario line it reached;
 * the lanes it woke hold a mark, joined to the box by an arrow; the other lanes show the
 * task's state as a line (solid: ready, dashed: blocked, red: left blocked at a lost wakeup
 * or deadlock). Injected cancellations and the rows where a violation first holds are
 * highlighted; beside each row the virtual time (when it moved) and every primitive's
 * state. Hovering a row shows the whole step in a side panel; a click pins it.
 */
final class SwimlanePage {
    private SwimlanePage() {}

    static String render(Run run) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>lockstep: ")
         .append(esc(run.file())).append(" — schedule \"").append(esc(run.schedule())).append("\"</title>\n<style>")
         .append(Assets.CSS).append("</style></head>\n<body>\n");
        header(h, run);
        h.append("<div id=\"wrap\"><div id=\"scroll\"><svg id=\"arrows\" aria-hidden=\"true\"></svg>\n<table id=\"lanes\">\n");
        lanesHeader(h, run.lanes());
        h.append("<tbody>\n");
        for (int i = 0; i < run.rows().size(); i++) row(h, run, i);
        h.append("</tbody>\n");
        lanesFooter(h, run);
        h.append("</table></div>\n<aside id=\"detail\"><p class=\"hint\">Hover over a row to see the whole step; click to pin it.</p></aside></div>\n");
        h.append("<div id=\"details\" hidden>\n");
        for (int i = 0; i < run.rows().size(); i++) detail(h, run, i);
        h.append("</div>\n<script>").append(Assets.SCRIPT).append("</script>\n</body></html>\n");
        return h.toString();
    }

    // ------------------------------------------------------------------ header

    private static void header(StringBuilder h, Run run) {
        h.append("<header><h1>").append(esc(run.file())).append("</h1>\n<p>schedule <code>\"").append(esc(run.schedule()))
         .append("\"</code> · exit ").append(run.exit()).append(" · ").append(run.rows().stream().filter(r -> r.kind() == Kind.STEP).count())
         .append(" steps drawn");
        if (run.stepsNotDrawn() > 0) h.append(", ").append(run.stepsNotDrawn()).append(" more not drawn");
        h.append(" · replay: <code>").append(esc(lockstep.Lockstep.replayCommand(run.file(), run.schedule()))).append("</code></p>\n");
        if (run.violations().isEmpty()) {
            h.append("<p class=\"ok\">no violation</p>\n");
        } else {
            h.append("<ul id=\"violations\">\n");
            for (String[] v : run.violations()) {
                int at = firstRowWith(run, v);
                h.append("<li><a href=\"#row-").append(at).append("\"><b>").append(esc(v[0])).append("</b>: ")
                 .append(esc(v[1])).append("</a></li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<details><summary>stdout</summary><pre>").append(esc(run.stdout())).append("</pre></details>\n");
        if (!run.stderr().isEmpty()) h.append("<details><summary>stderr</summary><pre>").append(esc(run.stderr())).append("</pre></details>\n");
        h.append("<p class=\"legend\"><span class=\"box\">step</span> the lane that ran · <span class=\"woken\">◀ notify</span> a task it woke"
                + " · <span class=\"key ready\"></span> ready · <span class=\"key blocked\"></span> blocked"
                + " · <span class=\"key stuck\"></span> left blocked · <span class=\"box cancel\">✕</span> injected cancel"
                + " · <span class=\"key violation\"></span> a violation holds · <b>bold</b> primitive: changed by the row</p>\n</header>\n");
    }

    /** The row where violation {@code v} first holds (-1: none drawn). */
    private static int firstRowWith(Run run, String[] v) {
        for (int i = 0; i < run.rows().size(); i++) {
            for (String[] w : run.rows().get(i).violations()) if (w == v || (w[0].equals(v[0]) && w[1].equals(v[1]))) return i;
        }
        return -1;
    }

    private static void lanesHeader(StringBuilder h, List<Lane> lanes) {
        h.append("<thead><tr><th class=\"num\">step</th><th class=\"time\">time</th>");
        for (Lane l : lanes) {
            h.append("<th class=\"lane").append(l.id() == Run.CALLBACKS ? " callbacks" : "").append("\" data-lane=\"").append(l.id())
             .append("\"><span class=\"name\">").append(esc(l.name())).append("</span><span class=\"call\">").append(esc(l.call()))
             .append("</span></th>");
        }
        h.append("<th class=\"prims\">primitives</th></tr></thead>\n");
    }

    private static void lanesFooter(StringBuilder h, Run run) {
        h.append("<tfoot><tr><td class=\"num\">end</td><td class=\"time\"></td>");
        for (Lane l : run.lanes()) {
            h.append("<td class=\"end\" data-lane=\"").append(l.id()).append("\">").append(esc(l.end())).append("</td>");
        }
        h.append("<td class=\"prims\">exit ").append(run.exit()).append("</td></tr></tfoot>\n");
    }

    // ------------------------------------------------------------------ rows

    private static void row(StringBuilder h, Run run, int i) {
        Row r = run.rows().get(i);
        String cls = switch (r.kind()) { case STEP -> "step"; case CANCEL -> "cancel"; case QUIESCENT -> "rest"; };
        h.append("<tr id=\"row-").append(i).append("\" class=\"").append(cls).append(r.violations().isEmpty() ? "" : " violation")
         .append("\" data-row=\"").append(i).append('"');
        if (!r.violations().isEmpty()) h.append(" data-violation=\"").append(esc(r.violations().get(0)[0])).append('"');
        h.append("><td class=\"num\">").append(r.kind() == Kind.STEP ? Integer.toString(r.step()) : "")
         .append(r.decision().isEmpty() ? "" : " <span class=\"dec\">[" + esc(r.decision()) + "]</span>").append("</td>");
        h.append("<td class=\"time\">").append(r.timeMoved() || i == 0 ? esc(time(r.time())) : "").append("</td>");
        for (Lane l : run.lanes()) cell(h, run, r, i, l.id());
        h.append("<td class=\"prims\">");
        for (Prim p : r.prims()) {
            h.append("<span class=\"prim").append(p.changed() ? " changed" : "").append("\" title=\"").append(esc(p.repr())).append("\">")
             .append(esc(p.name())).append(" <i>").append(esc(stateOf(p.repr()))).append("</i></span>");
        }
        h.append("</td></tr>\n");
        if (!r.violations().isEmpty()) {
            h.append("<tr class=\"violation-note\"><td colspan=\"").append(run.lanes().size() + 3).append("\">");
            for (String[] v : r.violations()) h.append("<div>⚠ <b>").append(esc(v[0])).append("</b>: ").append(esc(v[1])).append("</div>");
            h.append("</td></tr>\n");
        }
    }

    private static void cell(StringBuilder h, Run run, Row r, int i, int lane) {
        TaskState s = r.tasks().get(lane);
        String state = lane == Run.CALLBACKS ? "none" : s == null ? "none" : s.stuck() ? "stuck" : s.kind();
        h.append("<td class=\"cell ").append(state).append("\" data-lane=\"").append(lane).append('"');
        if (s != null) h.append(" title=\"").append(esc(s.text())).append('"');
        h.append('>');
        if (lane == r.lane()) box(h, run, r, i);
        for (Wake w : r.wakes()) {
            if (w.lane() == lane && lane != r.lane()) {
                h.append("<span class=\"woken\" data-lane=\"").append(lane).append("\">◀ ").append(esc(w.how())).append("</span>");
            }
        }
        if (s != null && s.stuck()) h.append("<div class=\"stuck-note\">left blocked: ").append(esc(s.text())).append("</div>");
        h.append("</td>");
    }

    private static void box(StringBuilder h, Run run, Row r, int i) {
        String kind = r.kind() == Kind.CANCEL ? "box cancel" : r.kind() == Kind.QUIESCENT ? "box rest" : "box";
        h.append("<div class=\"").append(kind).append("\">").append(r.kind() == Kind.CANCEL ? "✕ " : "").append(esc(r.what()));
        for (int k = 0; k < r.source().size(); k++) {
            h.append("<div class=\"src\"><span class=\"ln\">").append(r.from() + k).append("</span> <code>").append(esc(r.source().get(k))).append("</code></div>");
        }
        if (!r.printed().isEmpty()) h.append("<div class=\"out\">prints <code>").append(esc(r.printed().strip())).append("</code></div>");
        for (Wake w : r.wakes()) {
            if (w.lane() == r.lane()) continue;
            h.append("<div class=\"wake\" data-to=\"").append(w.lane()).append("\">→ ").append(esc(laneName(run, w.lane())))
             .append(" <i>").append(esc(w.how())).append("</i></div>");
        }
        h.append("</div>");
    }

    private static String laneName(Run run, int lane) {
        for (Lane l : run.lanes()) if (l.id() == lane) return l.name();
        return "?";
    }

    private static final Pattern STATE = Pattern.compile("\\[([^\\[\\]]*)\\]>$");

    /** The state part of a primitive's repr: {@code unlocked, waiters:2} of {@code <asyncio.locks.Condition object at 0x.. [unlocked, waiters:2]>}. */
    static String stateOf(String repr) {
        Matcher m = STATE.matcher(repr);
        return m.find() ? m.group(1) : repr;
    }

    private static String time(double t) {
        return lockstep.vm.Py.floatRepr(t);
    }

    // ------------------------------------------------------------------ the side panel

    private static void detail(StringBuilder h, Run run, int i) {
        Row r = run.rows().get(i);
        h.append("<div id=\"detail-").append(i).append("\"><h2>");
        h.append(switch (r.kind()) {
            case STEP -> "step " + r.step() + " · decision [" + esc(r.decision()) + "]";
            case CANCEL -> "injected cancel · decision [" + esc(r.decision()) + "]";
            case QUIESCENT -> "the loop at rest";
        });
        h.append("</h2>\n<p><b>").append(esc(laneName(run, r.lane()))).append("</b>: ").append(esc(r.what())).append("</p>\n");
        if (!r.source().isEmpty()) {
            h.append("<p>").append(r.from() == r.line() ? "line " + r.line() : "lines " + r.from() + "–" + r.line()).append(":</p><pre>");
            for (String l : r.source()) h.append(esc(l)).append('\n');
            h.append("</pre>\n");
        }
        h.append("<p>virtual time ").append(esc(time(r.time()))).append(r.timeMoved() ? " (moved)" : "").append("</p>\n");
        for (String[] v : r.violations()) h.append("<p class=\"v\">⚠ <b>").append(esc(v[0])).append("</b>: ").append(esc(v[1])).append("</p>\n");
        if (!r.printed().isEmpty()) h.append("<p>printed:</p><pre>").append(esc(r.printed())).append("</pre>\n");
        if (r.wakes().stream().anyMatch(w -> w.lane() != r.lane())) {
            h.append("<p>woke:</p><ul>");
            for (Wake w : r.wakes()) {
                if (w.lane() != r.lane()) h.append("<li>").append(esc(laneName(run, w.lane()))).append(" (").append(esc(w.how())).append(")</li>");
            }
            h.append("</ul>\n");
        }
        h.append("<p>tasks after it:</p><ul>");
        for (Lane l : run.lanes()) {
            TaskState s = r.tasks().get(l.id());
            if (s != null) h.append("<li><b>").append(esc(l.name())).append("</b> ").append(esc(s.text())).append("</li>");
        }
        h.append("</ul>\n<p>primitives after it:</p><ul>");
        for (Prim p : r.prims()) h.append("<li><b>").append(esc(p.name())).append("</b> <code>").append(esc(p.repr())).append("</code></li>");
        h.append("</ul></div>\n");
    }

    /** Escapes text for HTML content and attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
