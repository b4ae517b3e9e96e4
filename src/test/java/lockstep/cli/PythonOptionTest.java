package lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import lockstep.core.PyVersion;
import org.junit.jupiter.api.Test;

/**
 * {@code --python VER}: 3.12 is the default; every version of the contract follows its own
 * CPython on run, replay, explore and check-trace; anything else is refused in words.
 */
class PythonOptionTest {

    static final String FILE = "model/scenarios/014_lock_cancelled_waiter_passes_lock_on.py";
    /** Prints task names, which 3.13 and 3.14 number otherwise than 3.10 to 3.12. */
    static final String NAMES = "model/scenarios/230_create_task_names.py";

    record Outcome(int exit, String out, String err) {}

    static Outcome lockstep(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What CPython VERSION printed for a corpus scenario (model/expected/V, or next to it for 3.12). */
    static String expected(String file, PyVersion v) throws Exception {
        Path py = Path.of(file);
        String out = py.getFileName().toString().replace(".py", ".out");
        return Files.readString(v == PyVersion.DEFAULT ? py.resolveSibling(out)
                : Path.of("model", "expected", v.text, "scenarios", out));
    }

    /**
     * An f-string that reuses its own quote inside a field is 3.12's (PEP 701): 3.10 and 3.11
     * refuse it at that quote, as their CPython does (a SyntaxError on line 5).
     */
    @Test void fStringsReuseTheirQuoteFrom312On(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("same_quotes.py");
        Files.writeString(f, "import asyncio\n\nasync def main():\n    d = {\"k\": \"v\"}\n    print(f\"{d[\"k\"]}\", f'''{d['k']}''')\n\n"
                + "asyncio.run(main())\n");
        for (PyVersion v : PyVersion.values()) {
            Outcome run = lockstep("run", f.toString(), "--python", v.text);
            if (v.compareTo(PyVersion.V3_12) >= 0) {
                assertEquals(0, run.exit(), v.text + run.err());
                assertEquals("v v\n", run.out(), v.text);
            } else {
                assertEquals(2, run.exit(), v.text + run.out());
                assertTrue(run.err().startsWith(f + ":5:16: syntax error: "), v.text + ": " + run.err());
            }
        }
    }

    @Test void python312IsTheDefaultAndMayBeNamed() throws Exception {
        Outcome named = lockstep("run", FILE, "--python", "3.12");
        assertEquals(0, named.exit());
        assertEquals(expected(FILE, PyVersion.V3_12), named.out());
        assertEquals(lockstep("run", FILE).out(), named.out());
    }

    @Test void everyVersionFollowsItsOwnCPython() throws Exception {
        Set<String> distinct = new HashSet<>();
        for (PyVersion v : PyVersion.values()) {
            String expected = expected(NAMES, v);
            distinct.add(expected);
            Outcome run = lockstep("run", NAMES, "--python", v.text);
            assertEquals(0, run.exit(), v.text + run.err());
            assertEquals(expected, run.out(), "run " + v.text);
            assertEquals(expected, lockstep("replay", NAMES, "--schedule", "", "--python", v.text).out(), "replay " + v.text);
            Outcome explore = lockstep("explore", NAMES, "--python", v.text, "--json", "--max-schedules", "3");
            assertTrue(explore.out().contains("\"outcomes\""), "explore " + v.text + ": " + explore.out() + explore.err());
        }
        assertEquals(2, distinct.size(), "3.10 and 3.11 number the tasks as 3.12 does, 3.13 and 3.14 otherwise");
    }

    @Test void otherVersionsAreRefusedOnEverySubcommand() {
        for (String sub : new String[]{"run", "explore", "replay"}) {
            Outcome o = lockstep(sub, FILE, "--python", "2.7");
            assertEquals(2, o.exit(), sub);
            assertEquals("", o.out(), sub);
            assertTrue(o.err().contains("--python must be one of 3.10, 3.11, 3.12, 3.13, 3.14, got 2.7"), o.err());
        }
    }
}
