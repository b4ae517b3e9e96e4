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
                String mutated = lockstep.cli.HostileInputFuzzTest.mutate(rnd, src, tokens);
                Lockstep.RunResult r = assertDoesNotThrow(() -> Lockstep.run("m.py", mutated));
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
