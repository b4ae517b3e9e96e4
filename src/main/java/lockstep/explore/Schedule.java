package lockstep.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * A schedule: the decisions taken at successive choice points, as a short printable
 * string. A choice point comes before every handle the event loop runs. Tokens, comma
 * separated:
 * <ul>
 *   <li>{@code N} — run the ready handle at index N of the ready queue (0 is the head,
 *       what CPython runs); cancelled handles are not counted;</li>
 *   <li>{@code N*R} — R times {@code N};</li>
 *   <li>{@code cK} — first inject {@code task.cancel()} into the K-th cancellable task
 *       (pending, not main, not the runner's own), in creation order; the same choice
 *       point then comes again.</li>
 * </ul>
 * After the last token every choice is 0: the empty schedule is CPython's own run.
 */
public final class Schedule {
    private Schedule() {}

    /** One decision. */
    public record Decision(boolean cancel, int index) {
        public static final Decision HEAD = new Decision(false, 0);
        @Override public String toString() { return cancel ? "c" + index : Integer.toString(index); }
    }

    /** A schedule string that does not parse. */
    public static final class BadSchedule extends Exception {
        public BadSchedule(String message) { super(message); }
    }

    /** The most decisions a schedule string may expand to (as many as handles in a run). */
    public static final int MAX_DECISIONS = 1_000_000;

    /**
     * Parses a schedule; a token that is not N, N*R or cK (an empty one included: ",,"),
     * or a schedule of more than {@link #MAX_DECISIONS} decisions, is refused with its
     * 1-based position in the string.
     */
    public static List<Decision> parse(String s) throws BadSchedule {
        List<Decision> out = new ArrayList<>();
        if (s.isBlank()) return out;
        int pos = 0;
        for (String raw : s.split(",", -1)) {
            String tok = raw.strip();
            int at = pos + raw.indexOf(tok) + 1;
            pos += raw.length() + 1;
            try {
                if (tok.startsWith("c")) {
                    out.add(new Decision(true, nonNegative(tok.substring(1))));
                } else if (tok.contains("*")) {
                    String[] p = tok.split("\\*", 2);
                    int n = nonNegative(p[0]), r = nonNegative(p[1]);
                    if (r > MAX_DECISIONS - out.size()) {
                        throw new BadSchedule("schedule too long at position " + at + ": more than " + MAX_DECISIONS + " decisions");
                    }
                    for (int i = 0; i < r; i++) out.add(new Decision(false, n));
                } else {
                    out.add(new Decision(false, nonNegative(tok)));
                }
            } catch (NumberFormatException e) {
                throw new BadSchedule("bad schedule token '" + tok + "' at position " + at + " (expected N, N*R or cK)");
            }
            if (out.size() > MAX_DECISIONS) {
                throw new BadSchedule("schedule too long at position " + at + ": more than " + MAX_DECISIONS + " decisions");
            }
        }
        return out;
    }

    private static int nonNegative(String s) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException();
        }
        return Integer.parseInt(s);
    }

    /** The shortest string for these decisions: trailing heads dropped, runs compressed. */
    public static String format(List<Decision> ds) {
        int end = ds.size();
        while (end > 0 && ds.get(end - 1).equals(Decision.HEAD)) end--;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < end; ) {
            Decision d = ds.get(i);
            int j = i;
            while (j < end && ds.get(j).equals(d)) j++;
            if (sb.length() > 0) sb.append(',');
            int run = j - i;
            if (!d.cancel() && run > 1) {
                sb.append(d.index()).append('*').append(run);
            } else {
                for (int k = 0; k < run; k++) {
                    if (k > 0) sb.append(',');
                    sb.append(d);
                }
            }
            i = j;
        }
        return sb.toString();
    }
}
