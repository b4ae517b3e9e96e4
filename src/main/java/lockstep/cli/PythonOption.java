package lockstep.cli;

import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code --python VER} of the contract (section 2a): the CPython version whose semantics
 * to follow. The model follows 3.12 only so far; another version is refused in words
 * (exit 2) rather than answered with 3.12's semantics, which differ from it.
 */
final class PythonOption {
    static final List<String> VERSIONS = List.of("3.10", "3.11", "3.12", "3.13", "3.14");
    static final String MODELLED = "3.12";

    @Option(names = "--python", paramLabel = "VER", description = "CPython version to follow: 3.12 (the default; 3.10, 3.11, 3.13 and 3.14 are not modelled yet)")
    String version = MODELLED;

    /** Whether the version cannot be followed (after saying why on {@code err}). */
    boolean refused(PrintStream err) {
        if (version.equals(MODELLED)) return false;
        if (VERSIONS.contains(version)) {
            err.println("lockstep: --python " + version + ": only CPython " + MODELLED + "'s semantics are modelled so far");
        } else {
            err.println("lockstep: --python must be one of " + String.join(", ", VERSIONS) + ", got " + version);
        }
        return true;
    }
}
