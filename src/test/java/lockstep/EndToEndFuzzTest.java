package lockstep;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Mangled scenarios go through the whole pipeline (parse, check, compile, run) and
 * must end with one of the contract's exit codes — never a Java exception.
 */
class EndToEndFuzzTest {


    @Test void mutatedScenariosNeverEscapeAsJavaExceptions() throws Exception {
        SplittableRandom rnd = new SplittableRandom(20261123);
        String[] tokens = {"await ", "(", ")", ":", "\n", "    ", "lock", ".release()", "asyncio.sleep(0)", "[", "]", ",",
                "return ", "raise ", "async with lock:\n", "x", "1", "'s'", "None", " + ", " % ", "try:\n", "finally:\n"};
        int runs = 0;
        for (Path p : corpusFiles()) {
            String src = Files.readString(p);
            for (int i = 0; i < 150; i++) {
                StringBuilder sb = new StringBuilder(src);
                for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                    int at = rnd.nextInt(sb.length() + 1);
                    switch (rnd.nextInt(3)) {
                        case 0 -> sb.insert(at, tokens[rnd.nextInt(tokens.length)]);
                        case 1 -> { if (at < sb.length()) sb.deleteCharAt(at); }
                        default -> { if (at + 5 < sb.length()) sb.delete(at, at + 5); }
                    }
                }
                Lockstep.RunResult r = assertDoesNotThrow(() -> Lockstep.run("m.py", sb.toString()));
                assertTrue(r.exitCode() >= 0 && r.exitCode() <= 4, "exit " + r.exitCode());
                if (r.exitCode() == 2) assertTrue(r.stderr().startsWith("m.py:"), r.stderr());
                runs++;
            }
        }
        assertTrue(runs > 0);
    }

    private static List<Path> corpusFiles() throws Exception {
        try (var s = Files.list(Path.of("model/scenarios"))) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().limit(40).toList();
        }
    }
}
