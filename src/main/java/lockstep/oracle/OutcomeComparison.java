package lockstep.oracle;

import lockstep.Lockstep;
import lockstep.explore.Explorer;
import lockstep.vm.Program;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code lockstep explore FILE --compare-outcomes OBSERVED}: the outcomes (stdout, exit)
 * observed elsewhere — CPython under shuffled schedules, another implementation — against
 * the model's. An observed outcome the model cannot produce is a fidelity bug on one of
 * the two sides; when exploration was not complete, each observed outcome it did not
 * reach is looked for directly ({@link StdoutSearch}) before it is called impossible.
 * Model outcomes never observed are listed too (expected when sampling is partial).
 */
public final class OutcomeComparison {
    private OutcomeComparison() {}

    /** An observed outcome (exit null: any exit), how often it was seen, and one way it was seen. */
    public record Observed(String stdout, Integer exit, long count, String example) {}

    /** Observed outcomes in a file that cannot be read: {@code FILE:LINE:COL: error: ...}. */
    public static final class BadObserved extends Exception {
        BadObserved(String m) { super(m); }
    }

    /**
     * Reads observed outcomes: explore's JSON object (its "outcomes"), a JSON array of
     * {"stdout", "exit"} objects, or JSON lines of such objects (what
     * {@code cpython312.mjs --shuffle SEED --runs N} prints). Grouped by masked stdout and exit.
     */
    public static List<Observed> read(Path path) throws BadObserved {
        String text;
        try {
            text = lockstep.lang.InputFile.readText(path);
        } catch (lockstep.lang.InputFile.Unreadable e) {
            throw new BadObserved(e.getMessage());
        }
        // Each item: the value, the line it starts on and the line its members' positions count from.
        List<Object[]> items = new ArrayList<>();
        Object whole = null;
        try {
            whole = Json.parse(text);
        } catch (Json.Malformed e) {
            // not one JSON value: JSON lines
        }
        if (whole instanceof Json.Obj && ((Json.Obj) whole).containsKey("outcomes")) {
            Json.Obj o = (Json.Obj) whole;
            if (!(o.get("outcomes") instanceof List)) throw bad(path, o.at("outcomes"), 0, "\"outcomes\" must be a list");
            for (Object x : (List<?>) o.get("outcomes")) items.add(new Object[]{x, o.at("outcomes"), 0});
        } else if (whole instanceof List) {
            for (Object x : (List<?>) whole) {
                items.add(new Object[]{x, x instanceof Json.Obj ? new int[]{((Json.Obj) x).line, ((Json.Obj) x).col} : new int[]{1, 1}, 0});
            }
        } else if (whole instanceof Json.Obj) {
            items.add(new Object[]{whole, new int[]{1, 1}, 0});
        } else {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) continue;
                try {
                    items.add(new Object[]{Json.parse(lines[i]), new int[]{i + 1, 1}, i});
                } catch (Json.Malformed e) {
                    throw new BadObserved(path + ":" + (i + 1) + ":" + e.col + ": error: " + e.getMessage());
                }
            }
        }
        Map<List<Object>, Observed> groups = new LinkedHashMap<>();
        for (Object[] it : items) {
            int[] at = (int[]) it[1];
            int off = (Integer) it[2];
            if (!(it[0] instanceof Json.Obj)) throw bad(path, at, 0, "an outcome is a JSON object with \"stdout\" and \"exit\"");
            Json.Obj o = (Json.Obj) it[0];
            if (!(o.get("stdout") instanceof String)) {
                throw bad(path, o.containsKey("stdout") ? o.at("stdout") : at, o.containsKey("stdout") ? off : 0,
                        "an outcome needs \"stdout\" (a string)");
            }
            String s = (String) o.get("stdout");
            Integer exit = null;
            if (o.get("exit") != null) {
                if (!(o.get("exit") instanceof Long) || (Long) o.get("exit") < 0 || (Long) o.get("exit") > 255) {
                    throw bad(path, o.at("exit"), off, "\"exit\" must be an integer 0..255");
                }
                exit = (int) (long) (Long) o.get("exit");
            }
            long count = o.get("count") instanceof Long && (Long) o.get("count") > 0 ? (Long) o.get("count") : 1;
            String example = null;
            if (o.get("schedule") instanceof String) example = "schedule \"" + o.get("schedule") + "\"";
            if (o.get("seed") instanceof Long) example = "seed " + o.get("seed") + (example == null ? "" : ", " + example);
            String masked = Lockstep.maskAddresses(s);
            List<Object> key = java.util.Arrays.asList(masked, exit);
            Observed prev = groups.get(key);
            groups.put(key, prev == null ? new Observed(masked, exit, count, example)
                    : new Observed(prev.stdout(), exit, prev.count() + count, prev.example() != null ? prev.example() : example));
        }
        if (groups.isEmpty()) throw new BadObserved(path + ":1:1: error: no observed outcome");
        return new ArrayList<>(groups.values());
    }

    private static BadObserved bad(Path p, int[] at, int lineOffset, String msg) {
        return new BadObserved(p + ":" + (at[0] + lineOffset) + ":" + at[1] + ": error: " + msg);
    }

    /** An observed outcome the model produces (with a schedule), or does not, or may. */
    public record Verdict(Observed observed, String status, String schedule, StdoutSearch.Result search) {}

    /** The comparison: per observed outcome a verdict; model outcomes never observed. */
    public record Comparison(List<Verdict> verdicts, List<Explorer.Outcome> unobserved, boolean complete) {
        public long impossible() { return verdicts.stream().filter(v -> v.status().equals("impossible")).count(); }
        public long undecided() { return verdicts.stream().filter(v -> v.status().equals("undecided")).count(); }
        public int exitCode() { return impossible() > 0 ? 1 : undecided() > 0 ? 3 : 0; }
    }

    public static Comparison compare(Program p, Explorer.Options o, Explorer.Report r, List<Observed> observed,
                                     long searchSchedules, double searchSeconds) {
        List<Verdict> verdicts = new ArrayList<>();
        List<Explorer.Outcome> unobserved = new ArrayList<>();
        for (Explorer.Outcome mo : r.outcomes()) {
            String ms = Lockstep.maskAddresses(mo.stdout());
            boolean seen = observed.stream().anyMatch(ob -> ob.stdout().equals(ms) && (ob.exit() == null || ob.exit() == mo.exit()));
            if (!seen) unobserved.add(mo);
        }
        for (Observed ob : observed) {
            Explorer.Outcome hit = null;
            for (Explorer.Outcome mo : r.outcomes()) {
                if (Lockstep.maskAddresses(mo.stdout()).equals(ob.stdout()) && (ob.exit() == null || ob.exit() == mo.exit())) {
                    hit = mo;
                    break;
                }
            }
            if (hit != null) {
                verdicts.add(new Verdict(ob, "produced", hit.schedule(), null));
            } else if (r.complete()) {
                verdicts.add(new Verdict(ob, "impossible", null, null));
            } else {
                StdoutSearch.Result s = StdoutSearch.search(p, ob.stdout(), ob.exit(),
                        new StdoutSearch.Options(o.cancels(), searchSchedules, searchSeconds, o.maxSteps()));
                String st = switch (s.status()) {
                    case FOUND -> "produced";
                    case IMPOSSIBLE -> "impossible";
                    case UNDECIDED -> "undecided";
                };
                verdicts.add(new Verdict(ob, st, s.schedule(), s));
            }
        }
        return new Comparison(verdicts, unobserved, r.complete());
    }

    /**
     * What {@code explore --compare-outcomes} prints (text or one JSON object), and its exit
     * code: 0 every observed outcome is one the model produces, 1 some observed outcome is
     * impossible in the model, 3 some could be neither found nor ruled out (search bound).
     */
    public static int report(String file, Program p, Explorer.Options o, Explorer.Report r, String observedName,
                             List<Observed> observed, boolean json, PrintStream out) {
        Comparison c = compare(p, o, r, observed, 100_000, 30);
        out.print(json ? json(file, r, observed, c) : text(file, r, observedName, observed, c));
        out.flush();
        return c.exitCode();
    }

    static String text(String file, Explorer.Report r, String observedPath, List<Observed> observed, Comparison c) {
        StringBuilder sb = new StringBuilder();
        long runs = observed.stream().mapToLong(Observed::count).sum();
        sb.append("file: ").append(file).append('\n');
        sb.append("model: ").append(r.outcomes().size()).append(" outcome").append(r.outcomes().size() == 1 ? "" : "s")
          .append(" (").append(r.strategy()).append(", ").append(r.schedules()).append(" schedules, ")
          .append(r.complete() ? "complete" : "not complete: stopped at " + r.bound()).append(")\n");
        sb.append("observed: ").append(observed.size()).append(" outcome").append(observed.size() == 1 ? "" : "s")
          .append(" in ").append(runs).append(" run").append(runs == 1 ? "" : "s").append(" (").append(observedPath).append(")\n");
        List<Verdict> bad = c.verdicts().stream().filter(v -> !v.status().equals("produced")).toList();
        List<Verdict> good = c.verdicts().stream().filter(v -> v.status().equals("produced")).toList();
        sb.append("\nobserved outcomes the model cannot produce: ").append(c.impossible());
        if (c.undecided() > 0) sb.append(" (and ").append(c.undecided()).append(" undecided: search bound hit)");
        sb.append('\n');
        int i = 0;
        for (Verdict v : bad) {
            sb.append(String.format(Locale.ROOT, "  #%d  %s, exit %s, observed %d time%s%s%n", ++i, v.status(),
                    v.observed().exit() == null ? "any" : v.observed().exit(), v.observed().count(), v.observed().count() == 1 ? "" : "s",
                    v.observed().example() == null ? "" : " (e.g. " + v.observed().example() + ")"));
            lines(sb, v.observed().stdout());
            if (v.search() != null) {
                StdoutSearch.Result s = v.search();
                sb.append("      ").append(s.reason()).append(": recorded ").append(s.recordedNext());
                if (!s.alternatives().isEmpty()) sb.append("; the model: ").append(String.join(" | ", s.alternatives()));
                sb.append('\n');
            }
        }
        sb.append("\nobserved outcomes the model produces: ").append(good.size()).append('\n');
        i = 0;
        for (Verdict v : good) {
            sb.append(String.format(Locale.ROOT, "  #%d  exit %s, observed %d time%s, model schedule \"%s\"%s%n", ++i,
                    v.observed().exit() == null ? "any" : v.observed().exit(), v.observed().count(), v.observed().count() == 1 ? "" : "s",
                    v.schedule(), v.search() != null ? " (found by a targeted search)" : ""));
        }
        sb.append("\nmodel outcomes never observed: ").append(c.unobserved().size()).append('\n');
        i = 0;
        for (Explorer.Outcome mo : c.unobserved()) {
            sb.append(String.format(Locale.ROOT, "  #%d  exit %d, schedule \"%s\"%n", ++i, mo.exit(), mo.schedule()));
            lines(sb, mo.stdout());
        }
        return sb.toString();
    }

    private static void lines(StringBuilder sb, String stdout) {
        for (String line : stdout.split("\n", -1)) if (!line.isEmpty()) sb.append("      | ").append(line).append('\n');
    }

    static String json(String file, Explorer.Report r, List<Observed> observed, Comparison c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", file);
        o.put("complete", r.complete());
        o.put("model_outcomes", r.outcomes().size());
        o.put("observed_runs", observed.stream().mapToLong(Observed::count).sum());
        o.put("observed_outcomes", observed.size());
        List<Object> unexplained = new ArrayList<>(), explained = new ArrayList<>(), unobserved = new ArrayList<>();
        for (Verdict v : c.verdicts()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("stdout", v.observed().stdout());
            e.put("exit", v.observed().exit());
            e.put("count", v.observed().count());
            e.put("example", v.observed().example());
            if (v.status().equals("produced")) {
                e.put("model_schedule", v.schedule());
                explained.add(e);
            } else {
                e.put("status", v.status());
                if (v.search() != null) {
                    e.put("reason", v.search().reason());
                    e.put("recorded_next", v.search().recordedNext());
                    e.put("model_next", v.search().alternatives());
                }
                unexplained.add(e);
            }
        }
        for (Explorer.Outcome mo : c.unobserved()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("stdout", mo.stdout());
            e.put("exit", mo.exit());
            e.put("count", mo.count());
            e.put("schedule", mo.schedule());
            unobserved.add(e);
        }
        o.put("unexplained", unexplained);
        o.put("explained", explained);
        o.put("unobserved", unobserved);
        return Json.write(o) + "\n";
    }
}
