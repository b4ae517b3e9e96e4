package lockstep.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The numeric options a command refuses: every bad one gets its own line, and the command exits 2. */
final class OptionCheck {
    private final List<String> problems = new ArrayList<>();

    /** {@code value} (when given) must be at least {@code min}. */
    OptionCheck atLeast(String option, Number value, long min) {
        if (value != null && value.longValue() < min) {
            problems.add(option + " must be " + (min == 1 ? "a positive integer" : "at least " + min) + ", got " + value);
        }
        return this;
    }

    /** {@code value} must be a number of seconds above 0 (not NaN). */
    OptionCheck positive(String option, double value) {
        if (!(value > 0)) problems.add(option + " must be a number of seconds above 0, got " + value);
        return this;
    }

    /** Prints each problem; true if there was one. */
    boolean failed(PrintStream err) {
        for (String p : problems) err.println("lockstep: " + p);
        return !problems.isEmpty();
    }
}
