package lockstep.bugs;

import lockstep.core.PyVersion;
import lockstep.explore.Explorer;
import lockstep.lang.InputFile;
import lockstep.lang.ScenarioError;
import lockstep.vm.Program;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The catalogue of known CPython lock bugs ({@code model/bugs/NN_name.py}): each file is a
 * natural scenario whose header names the bug, the violation kind that shows it and the
 * versions it lives in, in one line
 * <pre># bug: gh-112202; looks for: lost-wakeup; lives in: 3.10 3.11 3.12</pre>
 * and the explore options in its {@code # explore: --cancel K [--max-steps N]} line.
 * {@link #find} explores a bug's scenario on one version exhaustively: the bug is found
 * there when a violation of its kind is reported, whatever the message says.
 */
public final class BugCatalogue {
    private BugCatalogue() {}

    /** A catalogued bug: its scenario, its name, the violation kind that shows it, the versions it lives in. */
    public record Bug(Path file, String name, String kind, Set<PyVersion> livesIn, int cancels, int maxSteps) {
        /** The scenario's file name without {@code .py}: the bug's key in tables and evidence. */
        public String id() {
            String f = file.getFileName().toString();
            return f.substring(0, f.length() - ".py".length());
        }
    }

    /** A scenario file whose header does not say what the catalogue needs. */
    public static final class BadHeader extends Exception {
        BadHeader(String message) { super(message); }
    }

    /** What exploring a bug's scenario on one version showed. */
    public enum Status {
        REPORTED("reported"), NOT_REPORTED("not reported");

        /** As the table and the JSON lines write it. */
        public final String text;

        Status(String text) { this.text = text; }
    }

    /**
     * The answer for one bug on one version: the status, the schedules of the reported
     * violations of the bug's kind (shrunk, as explore prints them), and whether the
     * search covered every schedule (a bug not reported by an incomplete search is not
     * proven absent).
     */
    public record Finding(Bug bug, PyVersion version, Status status, List<String> schedules, boolean complete) {
        /**
         * Whether the finding is what the header says: reported where the bug lives; not
         * reported, by a search that covered every schedule, where it does not.
         */
        public boolean asExpected() {
            return status == Status.REPORTED ? bug.livesIn().contains(version) : !bug.livesIn().contains(version) && complete;
        }
    }

    private static final Pattern BUG = Pattern.compile(
            "(?m)^# bug: ([^;]+); looks for: ([a-z-]+); lives in: (\\d\\.\\d+(?: \\d\\.\\d+)*)$");
    private static final Pattern CANCEL = Pattern.compile("(?m)^# explore:.*--cancel (\\d+)");
    private static final Pattern MAX_STEPS = Pattern.compile("(?m)^# explore:.*--max-steps (\\d+)");

    /** The bugs of {@code dir}: every {@code *.py} in it, by name. */
    public static List<Bug> read(Path dir) throws IOException, BadHeader {
        if (!Files.isDirectory(dir)) throw new BadHeader(dir + ": not a directory");
        List<Bug> bugs = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".py")).sorted().toList()) bugs.add(bug(f));
        }
        if (bugs.isEmpty()) throw new BadHeader(dir + ": no bug scenarios (*.py)");
        return bugs;
    }

    /** One scenario's header. */
    static Bug bug(Path f) throws IOException, BadHeader {
        String text = Files.readString(f);
        Matcher m = BUG.matcher(text);
        if (!m.find()) throw new BadHeader(f + ": no '# bug: NAME; looks for: KIND; lives in: VERSIONS' line");
        Set<PyVersion> livesIn = EnumSet.noneOf(PyVersion.class);
        for (String v : m.group(3).split(" ")) {
            livesIn.add(PyVersion.parse(v).orElseThrow(() -> new BadHeader(f + ": not a version of the contract: " + v)));
        }
        return new Bug(f, m.group(1), m.group(2), livesIn, option(CANCEL, text, 0), option(MAX_STEPS, text, 10_000));
    }

    private static int option(Pattern p, String text, int dflt) {
        Matcher m = p.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : dflt;
    }

    /**
     * Explores {@code bug}'s scenario on {@code version} (exhaustive, the header's options):
     * reported when a violation of the bug's kind is among the violations.
     */
    public static Finding find(Bug bug, PyVersion version) throws IOException, ScenarioError {
        Explorer.Report r = new Explorer(program(bug, version), new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3,
                bug.cancels(), 1_000_000, bug.maxSteps(), 600, false, System.err)).explore();
        List<String> schedules = r.violations().stream().filter(v -> v.kind().equals(bug.kind()))
                .map(Explorer.Violation::schedule).toList();
        return new Finding(bug, version, schedules.isEmpty() ? Status.NOT_REPORTED : Status.REPORTED, schedules, r.complete());
    }

    /** The scenario compiled for {@code version}. */
    public static Program program(Bug bug, PyVersion version) throws IOException, ScenarioError {
        return Program.compile(bug.file().toString(), InputFile.readSource(bug.file()), version);
    }
}
