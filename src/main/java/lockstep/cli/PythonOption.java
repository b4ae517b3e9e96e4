package lockstep.cli;

import lockstep.core.PyVersion;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Optional;

/**
 * {@code --python VER} of the contract (section 2a): the CPython version whose semantics
 * to follow: 3.10 to 3.14, 3.12 by default. Anything else is refused in words (exit 2).
 */
final class PythonOption {
    @Option(names = "--python", paramLabel = "VER", description = "CPython version to follow: 3.10, 3.11, 3.12 (the default), 3.13 or 3.14")
    String version = PyVersion.DEFAULT.text;

    /** Whether the version cannot be followed (after saying why on {@code err}). */
    boolean refused(PrintStream err) {
        Optional<String> why = PyVersion.refusal(version);
        why.ifPresent(w -> err.println("lockstep: --python " + w));
        return why.isPresent();
    }

    /** The version to follow; only once {@link #refused} said no. */
    PyVersion version() {
        return PyVersion.parse(version).orElseThrow();
    }
}
