package lockstep.html;

import lockstep.explore.Explorer;
import lockstep.explore.Schedule;
import lockstep.explore.Schedule.Decision;
import lockstep.vm.Program;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static lockstep.html.SwimlanePage.esc;

/**
 * The swimlane pages of {@code replay --html} and {@code explore --html}: a page per
 * replayed schedule ({@link SwimlanePage}), and for an exploration one per outcome and per
 * violation beside an {@code index.html} with the outcome table linking them.
 */
public final class Pages {
    private Pages() {}

    /** A schedule that does not fit the program (an index beyond the ready queue). */
    public static final class Misfit extends Exception {
        Misfit(String message) { super(message); }
    }

    /** The page of {@code program} (whose text is {@code source}) replayed under {@code schedule}. */
    public static String replay(Program program, String source, List<Decision> schedule, int maxSteps) throws Misfit {
        String[] misfit = new String[1];
        Run run = Recording.record(program, source, schedule, maxSteps, misfit);
        if (run == null) throw new Misfit(misfit[0]);
        return SwimlanePage.render(run);
    }

    /**
     * Writes the pages of an exploration's report into {@code dir} (made if missing):
     * {@code outcome-N.html}, {@code violation-N.html} (N from 1, in the report's order) and
     * {@code index.html}; returns the files written, index last.
     */
    public static List<Path> explore(Program program, String source, Explorer.Report report, Path dir, int maxSteps)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < report.outcomes().size(); i++) {
            written.add(write(dir.resolve("outcome-" + (i + 1) + ".html"), page(program, source, report.outcomes().get(i).schedule(), maxSteps)));
        }
        for (int i = 0; i < report.violations().size(); i++) {
            written.add(write(dir.resolve("violation-" + (i + 1) + ".html"), page(program, source, report.violations().get(i).schedule(), maxSteps)));
        }
        written.add(write(dir.resolve("index.html"), index(program.file, report)));
        return written;
    }

    /** The page of a schedule the explorer reported (it fits: the explorer took it). */
    private static String page(Program program, String source, String schedule, int maxSteps) {
        try {
            return replay(program, source, Schedule.parse(schedule), maxSteps);
        } catch (Schedule.BadSchedule | Misfit e) {
            throw new IllegalStateException("a reported schedule does not replay: \"" + schedule + "\": " + e.getMessage(), e);
        }
    }

    private static Path write(Path file, String html) throws IOException {
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    /** The index: how the search went, the outcome table and the violation table, each row linking its page. */
    static String index(String file, Explorer.Report r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>lockstep explore: ").append(esc(file))
         .append("</title>\n<style>").append(Assets.CSS).append(INDEX_CSS).append("</style></head>\n<body>\n<header><h1>")
         .append(esc(file)).append("</h1>\n<p>strategy ").append(esc(r.strategy())).append(" · ")
         .append(r.complete() ? "complete (every schedule covered)" : "not complete (stopped at " + esc(r.bound()) + ")")
         .append(" · ").append(r.schedules()).append(" schedules · ").append(r.states()).append(" states</p></header>\n<main class=\"index\">\n");
        h.append("<h2>outcomes (").append(r.outcomes().size()).append(")</h2>\n<table id=\"outcomes\"><thead><tr><th>#</th><th>exit</th>"
                + "<th>schedules</th><th>schedule</th><th>stdout</th></tr></thead><tbody>\n");
        for (int i = 0; i < r.outcomes().size(); i++) {
            Explorer.Outcome o = r.outcomes().get(i);
            h.append("<tr><td><a href=\"outcome-").append(i + 1).append(".html\">#").append(i + 1).append("</a></td><td>").append(o.exit())
             .append("</td><td>").append(o.count()).append("</td><td><a href=\"outcome-").append(i + 1).append(".html\"><code>\"")
             .append(esc(o.schedule())).append("\"</code></a></td><td><pre>").append(esc(o.stdout())).append("</pre></td></tr>\n");
        }
        h.append("</tbody></table>\n<h2>violations (").append(r.violations().size()).append(")</h2>\n");
        if (r.violations().isEmpty()) h.append("<p class=\"ok\">none</p>\n");
        else {
            h.append("<table id=\"violation-table\"><thead><tr><th>#</th><th>kind</th><th>message</th><th>schedule</th></tr></thead><tbody>\n");
            for (int i = 0; i < r.violations().size(); i++) {
                Explorer.Violation v = r.violations().get(i);
                h.append("<tr class=\"violation\"><td><a href=\"violation-").append(i + 1).append(".html\">#").append(i + 1).append("</a></td><td><b>")
                 .append(esc(v.kind())).append("</b></td><td>").append(esc(v.message())).append("</td><td><a href=\"violation-").append(i + 1)
                 .append(".html\"><code>\"").append(esc(v.schedule())).append("\"</code></a></td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        return h.append("</main>\n</body></html>\n").toString();
    }

    private static final String INDEX_CSS = """
            main.index { padding: 8px 16px; }
            main.index h2 { font-size: 15px; margin: 14px 0 6px; }
            main.index table { border-collapse: collapse; background: #fff; }
            main.index th, main.index td { border: 1px solid #d8dde4; padding: 3px 8px; text-align: left; vertical-align: top; }
            main.index th { background: #eef1f5; }
            main.index pre { margin: 0; font-size: 12px; }
            main.index tr.violation td { background: #fde8ea; }
            """;
}
