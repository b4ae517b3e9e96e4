package lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lockstep.core.PyVersion;
import lockstep.lang.InputFile;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus under every version of the contract besides 3.12 (whose files are
 * {@link CorpusTest}'s and {@code RandomDifferentialTest}'s): each scenario of
 * {@code model/scenarios} and each random program of {@code model/random}, run as that
 * version, must print {@code model/expected/V/<folder>/X.out} (addresses masked) and end
 * as {@code X.exit} says (exit code; for exit 1 the last stderr line). The expected files
 * are that version's CPython of record, written by {@code model/regen-expected.sh --python V}.
 */
class VersionCorpusTest {

    private static final Path MODEL = Path.of("model");
    private static final List<String> FOLDERS = List.of("scenarios", "random");

    @TestFactory
    Stream<DynamicNode> otherVersions() {
        return Stream.of(PyVersion.values()).filter(v -> v != PyVersion.DEFAULT)
                .map(v -> DynamicContainer.dynamicContainer(v.text, FOLDERS.stream().map(folder ->
                        DynamicContainer.dynamicContainer(folder, files(folder).stream().map(file ->
                                DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(),
                                        () -> check(v, folder, file)))))));
    }

    /** Every version has its oracle's outputs for every corpus file. */
    @TestFactory
    Stream<DynamicTest> everyVersionHasItsExpectedOutputs() {
        return Stream.of(PyVersion.values()).filter(v -> v != PyVersion.DEFAULT).map(v ->
                DynamicTest.dynamicTest(v.text, () -> {
                    for (String folder : FOLDERS) {
                        for (Path file : files(folder)) {
                            Path dir = MODEL.resolve("expected").resolve(v.text).resolve(folder);
                            String stem = stem(file);
                            assertTrue(Files.exists(dir.resolve(stem + ".out")) && Files.exists(dir.resolve(stem + ".exit")),
                                    dir + ": no " + stem + ".out/.exit (model/regen-expected.sh --python " + v.text + ")");
                        }
                    }
                }));
    }

    private static void check(PyVersion v, String folder, Path file) throws IOException {
        Path dir = MODEL.resolve("expected").resolve(v.text).resolve(folder);
        String expectedOut = Files.readString(dir.resolve(stem(file) + ".out"), StandardCharsets.UTF_8);
        List<String> exitLines = Files.readString(dir.resolve(stem(file) + ".exit"), StandardCharsets.UTF_8).lines().toList();
        int expectedExit = Integer.parseInt(exitLines.get(0).strip());

        Lockstep.RunResult r = Lockstep.run(file.toString(), InputFile.readSource(file), v);
        String context = "\n--- stderr of the model:\n" + r.stderr();
        assertEquals(expectedOut, Lockstep.maskAddresses(r.stdout()), file + ": stdout differs from CPython " + v.text + context);
        assertEquals(expectedExit, r.exitCode(), file + ": exit code under " + v.text + context);
        if (expectedExit == 1) {
            List<String> err = r.stderr().lines().toList();
            assertFalse(err.isEmpty(), file + ": exit 1 without stderr");
            assertEquals(exitLines.get(1).stripTrailing(), Lockstep.maskAddresses(err.get(err.size() - 1)),
                    file + ": last line of stderr under " + v.text + context);
        }
    }

    private static List<Path> files(String folder) {
        try (Stream<Path> s = Files.list(MODEL.resolve(folder))) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
            assertFalse(files.isEmpty(), "no programs in " + MODEL.resolve(folder));
            return files;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.length() - ".py".length());
    }
}
