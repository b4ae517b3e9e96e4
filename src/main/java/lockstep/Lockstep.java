package lockstep;

import lockstep.core.PyVersion;
import lockstep.explore.Explorer;
import lockstep.explore.Replay;
import lockstep.explore.Schedule;
import lockstep.html.Pages;
import lockstep.lang.InputFile;
import lockstep.lang.ScenarioError;
import lockstep.sched.Runner;
import lockstep.vm.Program;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The library's front door: run a scenario file on the model ({@code lockstep run}),
 * explore its schedules ({@code lockstep explore}), replay one ({@code lockstep replay}),
 * draw one as a swimlane page ({@code lockstep replay --html}).
 */
public final class Lockstep {
    private Lockstep() {}

    /** What one run printed and how it ended (exit code as in the contract: 0, 1, 2, 3). */
    public record RunResult(String stdout, String stderr, int exitCode) {}

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]+");

    /** Replaces every {@code 0x<hex>} address by {@code 0x?}, as the contract compares output. */
    public static String maskAddresses(String text) {
        if (!text.contains("0x")) return text;
        return ADDRESS.matcher(text).replaceAll("0x?");
    }

    /** Runs a scenario file with CPython's FIFO schedule (read as {@link InputFile#readSource} reads it). */
    public static RunResult run(Path file) throws IOException {
        String source = InputFile.readSource(file);
        return run(file.toString(), source);
    }

    /** The most handles one run may execute before it is stopped with exit code 4. */
    public static final long MAX_HANDLES = 1_000_000;

    /** Runs scenario source text as CPython 3.12 does; {@code file} is the name used in messages. */
    public static RunResult run(String file, String source) {
        return run(file, source, PyVersion.DEFAULT);
    }

    /** Runs scenario source text as CPython {@code version} does. */
    public static RunResult run(String file, String source, PyVersion version) {
        Program program;
        try {
            program = Program.compile(file, source, version);
        } catch (ScenarioError e) {
            return new RunResult("", e.getMessage() + "\n", 2);
        }
        Runner.Result r = Runner.run(program, Runner.Chooser.FIFO, MAX_HANDLES);
        return new RunResult(r.stdout(), r.stderr(), r.exit());
    }

    /**
     * Explores the schedules of a scenario file as {@code lockstep explore} does, quietly.
     * A refused scenario throws {@link Exploration.Refused} with its {@code FILE:LINE:COL} message.
     */
    public static Exploration.Report explore(Path file, Exploration.Options options) throws IOException {
        PyVersion version = PyVersion.parse(options.python()).orElseThrow();
        Program p = compile(file, version);
        Explorer.Options o = new Explorer.Options(Explorer.Strategy.valueOf(options.strategy().toUpperCase(Locale.ROOT)),
                options.seed(), 3, options.cancels(), options.maxSchedules(), options.maxSteps(), options.timeLimitSeconds(),
                false, null);
        Explorer.Report r = new Explorer(p, o).explore();
        List<Exploration.Outcome> outs = r.outcomes().stream()
                .map(x -> new Exploration.Outcome(x.stdout(), x.exit(), x.count(), x.schedule())).toList();
        List<Exploration.Violation> vs = r.violations().stream()
                .map(v -> new Exploration.Violation(v.kind(), v.message(), v.schedule(),
                        replayCommand(file.toString(), v.schedule(), version))).toList();
        return new Exploration.Report(file.toString(), r.complete(), r.bound(), r.schedules(), outs, vs);
    }

    /** Replays one schedule (as explore prints them) of a scenario file, at most 1,000,000 steps, as {@code lockstep replay} does. */
    public static Exploration.Replayed replay(Path file, String schedule) throws IOException {
        return replay(file, schedule, PyVersion.DEFAULT.text);
    }

    /** {@link #replay(Path, String)} with the semantics of CPython {@code python} (3.10 … 3.14). */
    public static Exploration.Replayed replay(Path file, String schedule, String python) throws IOException {
        PyVersion version = PyVersion.parse(python)
                .orElseThrow(() -> new Exploration.Refused("--python: " + PyVersion.refusal(python).orElse("unknown version")));
        Replay.Result r = Replay.replay(compile(file, version), parse(schedule), null, (int) MAX_HANDLES);
        if (r.misfit() != null) throw new Exploration.Refused("the schedule does not fit " + file + ": " + r.misfit());
        List<Exploration.Violation> vs = r.violations().stream()
                .map(v -> new Exploration.Violation(v[0], v[1], schedule, replayCommand(file.toString(), schedule, version))).toList();
        return new Exploration.Replayed(r.run().stdout(), r.run().stderr(), r.run().exit(), vs);
    }

    /** The swimlane page (one self-contained HTML document) of a scenario file replayed under {@code schedule}. */
    public static String swimlanePage(Path file, String schedule) throws IOException {
        String source = InputFile.readSource(file);
        try {
            return Pages.replay(compile(file.toString(), source), source, parse(schedule), (int) MAX_HANDLES);
        } catch (Pages.Misfit e) {
            throw new Exploration.Refused("the schedule does not fit " + file + ": " + e.getMessage());
        }
    }

    /** The command line that replays {@code schedule} of {@code file} step by step (quoted for a POSIX shell). */
    public static String replayCommand(String file, String schedule) {
        return replayCommand(file, schedule, PyVersion.DEFAULT);
    }

    /** The same under CPython {@code version} ({@code --python V} unless it is the default). */
    static String replayCommand(String file, String schedule, PyVersion version) {
        return "lockstep replay " + shellQuote(file) + " --schedule " + shellQuote(schedule) + " --trace"
                + (version == PyVersion.DEFAULT ? "" : " --python " + version.text);
    }

    private static String shellQuote(String s) {
        if (s.matches("[A-Za-z0-9_./,=:+-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static Program compile(Path file, PyVersion version) throws IOException {
        return compile(file.toString(), InputFile.readSource(file), version);
    }

    private static Program compile(String file, String source) {
        return compile(file, source, PyVersion.DEFAULT);
    }

    private static Program compile(String file, String source, PyVersion version) {
        try {
            return Program.compile(file, source, version);
        } catch (ScenarioError e) {
            throw new Exploration.Refused(e.getMessage());
        }
    }

    private static List<Schedule.Decision> parse(String schedule) {
        try {
            return Schedule.parse(schedule);
        } catch (Schedule.BadSchedule e) {
            throw new Exploration.Refused("--schedule: " + e.getMessage());
        }
    }
}
