package lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance corpus: one dynamic test per file.
 *
 * <ul>
 *   <li>{@code model/scenarios/X.py}: run on the model with {@link Lockstep#run(Path)}; stdout
 *       (addresses masked) must equal {@code X.out}, the exit code must equal line 1 of
 *       {@code X.exit}, and when that is 1 the last line of stderr must equal line 2. The
 *       expected files are CPython 3.12's output, written by
 *       {@code node model/cpython/cpython312.mjs --write model/scenarios/*.py}.</li>
 *   <li>{@code model/refused/X.py}: outside the scenario subset; must be refused with exit 2,
 *       nothing on stdout, and a first stderr line {@code FILE:LINE:COL: kind: ...} with the
 *       position and kind given in {@code X.err} ({@code LINE:COL: kind}).</li>
 * </ul>
 *
 * <p>Paths are relative to the project root, which is surefire's working directory.
 */
class CorpusTest {

    private static final Path SCENARIOS = Path.of("model", "scenarios");
    private static final Path REFUSED = Path.of("model", "refused");

    /** Contents of an {@code X.err} file: {@code LINE:COL: kind}. */
    private static final Pattern ERR_SPEC =
            Pattern.compile("(\\d+):(\\d+): (unsupported|syntax error)");

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        List<Path> files = pythonFiles(SCENARIOS);
        assertFalse(files.isEmpty(), "no scenarios found in " + SCENARIOS.toAbsolutePath());
        return files.stream().map(file ->
                DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(),
                        () -> checkScenario(file)));
    }

    @TestFactory
    Stream<DynamicTest> refused() throws IOException {
        List<Path> files = pythonFiles(REFUSED);
        assertFalse(files.isEmpty(), "no refused files found in " + REFUSED.toAbsolutePath());
        return files.stream().map(file ->
                DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(),
                        () -> checkRefused(file)));
    }

    private static void checkScenario(Path file) throws IOException {
        Path outFile = sibling(file, ".out");
        Path exitFile = sibling(file, ".exit");
        if (!Files.exists(outFile) || !Files.exists(exitFile)) {
            fail("missing expected output " + outFile + " / " + exitFile
                    + " (generate with: node model/cpython/cpython312.mjs --write " + file + ")");
        }
        String expectedOut = read(outFile);
        List<String> exitLines = lines(read(exitFile));
        assertFalse(exitLines.isEmpty(), exitFile + " is empty");
        int expectedExit = Integer.parseInt(exitLines.get(0).strip());

        Lockstep.RunResult result = Lockstep.run(file);
        String context = "\n--- stderr of the model:\n" + result.stderr();

        assertEquals(expectedOut, Lockstep.maskAddresses(result.stdout()),
                file + ": stdout differs from CPython 3.12" + context);
        assertEquals(expectedExit, result.exitCode(), file + ": exit code" + context);
        if (expectedExit == 1) {
            assertTrue(exitLines.size() >= 2, exitFile + ": exit 1 needs the exception on line 2");
            String expectedLast = exitLines.get(1).stripTrailing();
            assertEquals(expectedLast, lastLine(result.stderr()),
                    file + ": last line of stderr (the escaping exception)" + context);
        }
    }

    private static void checkRefused(Path file) throws IOException {
        Path errFile = sibling(file, ".err");
        if (!Files.exists(errFile)) {
            fail("missing " + errFile + " (expected `LINE:COL: kind` of the refusal)");
        }
        String spec = read(errFile).strip();
        Matcher m = ERR_SPEC.matcher(spec);
        assertTrue(m.matches(), errFile + ": expected `LINE:COL: kind`, got `" + spec + "`");
        String line = m.group(1);
        String col = m.group(2);
        String kind = m.group(3);

        Lockstep.RunResult result = Lockstep.run(file);
        String context = "\n--- stderr of the model:\n" + result.stderr();

        assertEquals(2, result.exitCode(), file + ": a refused file exits 2" + context);
        assertEquals("", result.stdout(), file + ": a refused file prints nothing on stdout");
        String first = firstLine(result.stderr());
        String where = ":" + line + ":" + col + ": " + kind + ": ";
        assertTrue(first.startsWith(file + ":"),
                file + ": stderr must start with the file name, got: " + first);
        assertTrue(first.contains(where),
                file + ": expected `" + file + where + "...`, got: " + first);
    }

    // ------------------------------------------------------------------ helpers

    private static List<Path> pythonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".py"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static Path sibling(Path pyFile, String extension) {
        String name = pyFile.getFileName().toString();
        return pyFile.resolveSibling(name.substring(0, name.length() - ".py".length()) + extension);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static List<String> lines(String text) {
        return text.lines().collect(Collectors.toList());
    }

    private static String firstLine(String text) {
        List<String> ls = lines(text);
        return ls.isEmpty() ? "" : ls.get(0);
    }

    /** The last non-empty line, without trailing whitespace. */
    private static String lastLine(String text) {
        List<String> ls = lines(text.stripTrailing());
        return ls.isEmpty() ? "" : ls.get(ls.size() - 1).stripTrailing();
    }
}
