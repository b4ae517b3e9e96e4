package lockstep.explore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import lockstep.explore.Explorer.Outcome;
import lockstep.explore.Explorer.Report;
import lockstep.explore.Explorer.Violation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Renders a {@link Report}: readable text, or the contract's JSON object. */
public final class ReportWriter {

    /** A cause: its kind and message, how many runs showed it, and its shortest schedule. */
    private static void group(StringBuilder sb, Violation v) {
        sb.append("  ").append(v.kind()).append(": ").append(v.message()).append('\n');
        sb.append("      seen in ").append(v.count()).append(v.count() == 1 ? " run" : " runs")
          .append("; shortest schedule \"").append(v.schedule()).append("\"\n");
    }

    private ReportWriter() {}

    public static String json(String file, Report r) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("file", file);
            g.writeStringField("strategy", r.strategy());
            if (r.reduction() != null) g.writeStringField("reduction", r.reduction());
            g.writeBooleanField("complete", r.complete());
            g.writeNumberField("schedules", r.schedules());
            g.writeNumberField("states", r.states());
            if (r.bound() != null) g.writeStringField("bound", r.bound());
            if (r.visited() != null) {
                g.writeObjectFieldStart("visited");
                g.writeNumberField("bytes_per_state", Math.round(r.visited().bytesPerState() * 10) / 10.0);
                g.writeNumberField("collision_probability", r.visited().collisionProbability());
                if (r.visited().collisions() != null) g.writeNumberField("collisions", r.visited().collisions());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("outcomes");
            for (Outcome o : r.outcomes()) {
                g.writeStartObject();
                g.writeStringField("stdout", o.stdout());
                g.writeNumberField("exit", o.exit());
                g.writeNumberField("count", o.count());
                g.writeStringField("schedule", o.schedule());
                g.writeEndObject();
            }
            g.writeEndArray();
            violations(g, "violations", r.violations());
            violations(g, "bounds", r.bounds());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w + "\n";
    }

    /** One object per cause: kind, message and schedule (the contract's), count and cause (ours). */
    private static void violations(JsonGenerator g, String field, java.util.List<Violation> vs) throws IOException {
        g.writeArrayFieldStart(field);
        for (Violation v : vs) {
            g.writeStartObject();
            g.writeStringField("kind", v.kind());
            g.writeStringField("message", v.message());
            g.writeStringField("schedule", v.schedule());
            g.writeNumberField("count", v.count());
            g.writeStringField("cause", v.cause());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static String text(String file, Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("file: ").append(file).append('\n');
        sb.append("strategy: ").append(r.strategy()).append('\n');
        if (r.reduction() != null) sb.append("reduction: ").append(r.reduction()).append('\n');
        sb.append("complete: ").append(r.complete() ? "yes (every schedule covered, up to state equivalence)"
                : "no (stopped at " + r.bound() + ")").append('\n');
        sb.append("schedules: ").append(r.schedules()).append(", states: ").append(r.states())
          .append(", steps: ").append(r.steps()).append('\n');
        if (r.visited() != null) {
            sb.append(String.format(java.util.Locale.ROOT,
                    "visited set: %.1f bytes per state (64-bit fingerprints); probability that a collision hid a state: %.1e%n",
                    r.visited().bytesPerState(), r.visited().collisionProbability()));
            if (r.visited().collisions() != null) {
                sb.append("fingerprint collisions found (every state kept and compared): ").append(r.visited().collisions()).append('\n');
            }
        }
        sb.append("\noutcomes: ").append(r.outcomes().size()).append('\n');
        int i = 0;
        for (Outcome o : r.outcomes()) {
            sb.append(String.format("  #%d  exit %d, reached by %d schedule%s, e.g. schedule \"%s\"%n", ++i, o.exit(),
                    o.count(), o.count() == 1 ? "" : "s", o.schedule()));
            for (String line : o.stdout().split("\n", -1)) {
                if (!line.isEmpty()) sb.append("      | ").append(line).append('\n');
            }
        }
        sb.append("\nviolations: ").append(r.violations().size()).append(r.violations().isEmpty() ? "" : " (by cause)").append('\n');
        for (Violation v : r.violations()) group(sb, v);
        if (!r.bounds().isEmpty()) {
            sb.append("\nschedules cut at --max-steps (not violations; replay them to see where they loop): ")
              .append(r.bounds().size()).append('\n');
            for (Violation v : r.bounds()) group(sb, v);
        }
        return sb.toString();
    }
}
