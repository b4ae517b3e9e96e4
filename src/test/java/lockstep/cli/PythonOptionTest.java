package lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import lockstep.core.PyVersion;
import org.junit.jupiter.api.Test;

/**
 * {@code --python VER}: 3.12 is the default; an accepted version follows its own CPython;
 * a version not modelled yet is refused in words on every subcommand, not answered as 3.12.
 */
class PythonOptionTest {

    static final String FILE = "model/scenarios/014_lock_cancelled_waiter_passes_lock_on.py";
    /** Prints task names, which 3.13 numbers differently from 3.12. */
    static final String NAMES = "model/scenarios/230_create_task_names.py";

    record Outcome(int exit, String out, String err) {}

    static Outcome lockstep(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test void python312IsTheDefaultAndMayBeNamed() throws Exception {
        Outcome named = lockstep("run", FILE, "--python", "3.12");
        assertEquals(0, named.exit());
        assertEquals(Files.readString(Path.of(FILE.replace(".py", ".out"))), named.out());
        assertEquals(lockstep("run", FILE).out(), named.out());
    }

    @Test void python313And314FollowTheirOwnCPython() throws Exception {
        String expected = Files.readString(Path.of("model/expected/3.13/scenarios/230_create_task_names.out"));
        assertNotEquals(Files.readString(Path.of(NAMES.replace(".py", ".out"))), expected, "the scenario tells 3.13 from 3.12");
        for (String v : new String[]{"3.13", "3.14"}) {
            Outcome o = lockstep("run", NAMES, "--python", v);
            assertEquals(0, o.exit(), v + o.err());
            assertEquals(expected, o.out(), v);
            assertEquals(expected, lockstep("replay", NAMES, "--schedule", "", "--python", v).out(), "replay " + v);
        }
    }

    @Test void versionsNotModelledAreRefusedOnEverySubcommand() {
        for (PyVersion v : PyVersion.values()) {
            if (v.accepted) continue;
            for (String sub : new String[]{"run", "explore", "replay"}) {
                Outcome o = lockstep(sub, FILE, "--python", v.text);
                assertEquals(2, o.exit(), sub);
                assertEquals("", o.out(), sub);
                assertTrue(o.err().contains("--python " + v.text + ": CPython " + v.text + "'s semantics are not modelled yet"), o.err());
            }
        }
        Outcome bad = lockstep("run", FILE, "--python", "2.7");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--python must be one of 3.10, 3.11, 3.12, 3.13, 3.14, got 2.7"), bad.err());
    }
}
