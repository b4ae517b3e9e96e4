package lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --python VER}: 3.12 is followed; the other versions of the contract are refused in words, not answered as 3.12. */
class PythonOptionTest {

    static final String FILE = "model/scenarios/014_lock_cancelled_waiter_passes_lock_on.py";

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

    @Test void otherVersionsAreRefusedOnEverySubcommand() {
        for (String sub : new String[]{"run", "explore", "replay"}) {
            Outcome o = lockstep(sub, FILE, "--python", "3.13");
            assertEquals(2, o.exit(), sub);
            assertEquals("", o.out(), sub);
            assertTrue(o.err().contains("--python 3.13: only CPython 3.12"), o.err());
        }
        Outcome bad = lockstep("run", FILE, "--python", "2.7");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--python must be one of 3.10, 3.11, 3.12, 3.13, 3.14"), bad.err());
    }
}
