package lockstep.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lockstep.Lockstep;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test against CPython 3.12: every {@code model/random/gen_NNNN.py} was written by
 * {@link ScenarioGenerator} with seed NNNN, and its {@code .out} / {@code .exit} were written by the
 * CPython 3.12 oracle ({@code node model/cpython/cpython312.mjs --write model/random/*.py}).
 *
 * <p>For each file: the generator must still produce the file byte for byte (so the corpus can be
 * regenerated and extended), then lockstep must print the same (address-masked) stdout and exit with
 * the same code, and when the code is 1 the last stderr line must match too.
 *
 * <p>{@code -Dlockstep.randomLimit=N} runs only the first N files (default: all).
 */
class RandomDifferentialTest {
    static final Path DIR = Path.of("model", "random");
    private static final Pattern NAME = Pattern.compile("gen_(\\d+)\\.py");

    @TestFactory
    Stream<DynamicTest> randomScenariosMatchCpython312() throws IOException {
        int limit = Integer.getInteger("lockstep.randomLimit", Integer.MAX_VALUE);
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .limit(limit)
                    .collect(Collectors.toList());
        }
        assertFalse(files.isEmpty(), "no gen_NNNN.py files in " + DIR.toAbsolutePath());
        return files.stream().map(f -> dynamicTest(f.getFileName().toString(), f.toUri(), () -> check(f)));
    }

    static void check(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        Matcher m = NAME.matcher(fileName);
        assertTrue(m.matches(), fileName);
        long seed = Long.parseLong(m.group(1));
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(ScenarioGenerator.generate(seed), content,
                fileName + ": ScenarioGenerator.generate(" + seed + ") no longer reproduces the file");

        String stem = fileName.substring(0, fileName.length() - ".py".length());
        Path outFile = file.resolveSibling(stem + ".out");
        Path exitFile = file.resolveSibling(stem + ".exit");
        assertTrue(Files.exists(outFile) && Files.exists(exitFile),
                fileName + ": expected output missing; write it with node model/cpython/cpython312.mjs --write");
        String expectedOut = Files.readString(outFile, StandardCharsets.UTF_8);
        List<String> exitLines = Files.readAllLines(exitFile, StandardCharsets.UTF_8);
        int expectedExit = Integer.parseInt(exitLines.get(0).trim());

        Lockstep.RunResult result = Lockstep.run(file);
        assertEquals(expectedOut, Lockstep.maskAddresses(result.stdout()), fileName + ": stdout differs");
        assertEquals(expectedExit, result.exitCode(), fileName + ": exit code differs; stderr:\n" + result.stderr());
        if (expectedExit == 1 && exitLines.size() > 1) {
            assertEquals(exitLines.get(1), lastLine(result.stderr()), fileName + ": last stderr line differs");
        }
    }

    /** The last non-empty line of a text, without its line terminator. */
    static String lastLine(String text) {
        String[] lines = text.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) return lines[i];
        }
        return "";
    }
}
