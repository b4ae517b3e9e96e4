package lockstep;

import lockstep.core.PyVersion;
import lockstep.explore.Schedule;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The records of the library's {@link Lockstep#explore} and {@link Lockstep#replay}. */
public final class Exploration {
    private Exploration() {}

    /**
     * How to explore, with the command line's defaults ({@link #defaults()}): exhaustive, no
     * injected cancel, 1,000,000 schedules, 10,000 steps per schedule, 600 s, CPython 3.12. Each
     * {@code with...} returns a changed copy.
     */
    public record Options(String strategy, long seed, int cancels, long maxSchedules, int maxSteps, double timeLimitSeconds,
                          String python) {
        public Options {
            if (PyVersion.parse(python).isEmpty()) {
                throw new IllegalArgumentException("unknown Python version '" + python + "' (" + String.join(", ", PyVersion.texts()) + ")");
            }
            if (!List.of("exhaustive", "random", "pct").contains(strategy)) {
                throw new IllegalArgumentException("unknown strategy '" + strategy + "' (exhaustive, random, pct)");
            }
            if (cancels < 0 || maxSchedules < 1 || maxSteps < 1 || !(timeLimitSeconds > 0)) {
                throw new IllegalArgumentException("cancels must be >= 0, maxSchedules and maxSteps >= 1, timeLimitSeconds > 0");
            }
        }

        public static Options defaults() { return new Options("exhaustive", 0, 0, 1_000_000, 10_000, 600, PyVersion.DEFAULT.text); }

        /** At most {@code k} injected {@code task.cancel()} per schedule ({@code --cancel K}). */
        public Options withCancels(int k) { return new Options(strategy, seed, k, maxSchedules, maxSteps, timeLimitSeconds, python); }

        public Options withMaxSchedules(long n) { return new Options(strategy, seed, cancels, n, maxSteps, timeLimitSeconds, python); }

        public Options withMaxSteps(int n) { return new Options(strategy, seed, cancels, maxSchedules, n, timeLimitSeconds, python); }

        public Options withTimeLimit(double seconds) { return new Options(strategy, seed, cancels, maxSchedules, maxSteps, seconds, python); }

        /** {@code exhaustive}, or {@code random} / {@code pct} with a seed. */
        public Options withStrategy(String name, long seed) {
            return new Options(name.toLowerCase(Locale.ROOT), seed, cancels, maxSchedules, maxSteps, timeLimitSeconds, python);
        }

        /** The semantics of CPython {@code version} ({@code --python}: 3.10 … 3.14; 3.12 by default). */
        public Options withPython(String version) {
            return new Options(strategy, seed, cancels, maxSchedules, maxSteps, timeLimitSeconds, version);
        }
    }

    /** One distinct outcome: stdout, exit code, how many explored schedules reached it, one schedule that does. */
    public record Outcome(String stdout, int exit, long count, String schedule) {}

    /** A violation (shrunk), its schedule, and the command line that replays it. */
    public record Violation(String kind, String message, String schedule, String replayCommand) {
        /** How many decisions the schedule takes explicitly (what a shorter counterexample has fewer of). */
        public int decisions() {
            try {
                return Schedule.parse(schedule).size();
            } catch (Schedule.BadSchedule e) {
                throw new IllegalStateException(e);
            }
        }

        @Override public String toString() {
            return kind + ": " + message + "\n  schedule \"" + schedule + "\"\n  replay: " + replayCommand;
        }
    }

    /** What {@link Lockstep#explore} found; {@code complete} when every schedule was covered (else {@code bound} says which bound stopped it). */
    public record Report(String file, boolean complete, String bound, long schedules, List<Outcome> outcomes, List<Violation> violations) {
        /** The violation with the fewest decisions (the first found among equals), if any. */
        public Optional<Violation> shortestViolation() {
            return violations.stream().min(Comparator.comparingInt(Violation::decisions));
        }
    }

    /** One replayed schedule: what it printed, its exit code, and the violations the invariants saw (kind, message). */
    public record Replayed(String stdout, String stderr, int exitCode, List<Violation> violations) {}

    /** A scenario the model refuses ({@code FILE:LINE:COL: ...}), a schedule that does not parse or fit: the message says which. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String message) { super(message); }
    }
}
