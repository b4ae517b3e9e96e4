package lockstep.core;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A CPython version whose asyncio the model follows (contract section 2a). The
 * transitions of the primitives and the prelude are 3.12's; a version differs from it
 * only by the {@link Delta}s it {@link #has}. Each matches its oracle of record on the
 * whole corpus and the random programs ({@code VersionCorpusTest}).
 */
public enum PyVersion {
    V3_10("3.10"), V3_11("3.11"), V3_12("3.12"), V3_13("3.13"), V3_14("3.14");

    /** The default, and the version whose semantics are the core's. */
    public static final PyVersion DEFAULT = V3_12;

    /** As written on the command line and in batch requests: {@code 3.12}. */
    public final String text;

    PyVersion(String text) {
        this.text = text;
    }

    /** Whether this version behaves as {@code d} says (d belongs to it). */
    public boolean has(Delta d) {
        return d.in(this);
    }

    /** The version written {@code text} ({@code 3.13}), if it is one of the contract's. */
    public static Optional<PyVersion> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.text.equals(text)).findFirst();
    }

    /** The contract's versions as written, oldest first. */
    public static List<String> texts() {
        return Arrays.stream(values()).map(v -> v.text).toList();
    }

    /** Why {@code text} cannot be followed (it is not a version of the contract), or empty when it can. */
    public static Optional<String> refusal(String text) {
        if (parse(text).isPresent()) return Optional.empty();
        return Optional.of("must be one of " + String.join(", ", texts()) + ", got " + text);
    }
}
