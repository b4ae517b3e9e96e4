package lockstep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lockstep bugs DIR}: the table, exit 1 for a cell that disagrees with a header, 2 for a catalogue it cannot read. */
class BugsCommandTest {

    /** An event waited on and never set: a deadlock in every version. */
    static final String DEADLOCK = "import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n";

    record Out(int exit, String out, String err) {}

    static Out bugs(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBugReportedWhereItsHeaderSaysItDoesNotLiveIsUnexpected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("01_hang.py"), "# bug: hang; looks for: deadlock; lives in: 3.13\n" + DEADLOCK);
        Out o = bugs("bugs", dir.toString());
        assertEquals(1, o.exit(), o.err());
        assertTrue(o.out().contains("| hang | `01_hang.py` | `deadlock` | **reported**, e.g. `\"\"` (unexpected) |"), o.out());
        assertTrue(o.out().contains("| **reported**, e.g. `\"\"` |"), "3.13, where it lives: " + o.out());
    }

    @Test
    void everyCellAsTheHeaderSaysExitsZero(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("01_hang.py"), "# bug: hang; looks for: deadlock; lives in: 3.10 3.11 3.12 3.13 3.14\n" + DEADLOCK);
        Out o = bugs("bugs", "--json", dir.toString());
        assertEquals(0, o.exit(), o.err());
        assertEquals(5, o.out().lines().filter(l -> l.contains("\"status\":\"reported\"") && l.contains("\"expected\":true")).count(), o.out());
    }

    @Test
    void aCatalogueThatCannotBeReadIsRefusedInWords(@TempDir Path dir) throws Exception {
        assertEquals(new Out(2, "", "lockstep: " + dir.resolve("none") + ": not a directory\n"), bugs("bugs", dir.resolve("none").toString()));
        assertEquals(new Out(2, "", "lockstep: " + dir + ": no bug scenarios (*.py)\n"), bugs("bugs", dir.toString()));
        Files.writeString(dir.resolve("01_hang.py"), DEADLOCK);
        assertEquals(new Out(2, "", "lockstep: " + dir.resolve("01_hang.py") + ": no '# bug: NAME; looks for: KIND; lives in: VERSIONS' line\n"),
                bugs("bugs", dir.toString()));
        Files.writeString(dir.resolve("01_hang.py"), "# bug: hang; looks for: deadlock; lives in: 3.9\n" + DEADLOCK);
        assertEquals(new Out(2, "", "lockstep: " + dir.resolve("01_hang.py") + ": not a version of the contract: 3.9\n"), bugs("bugs", dir.toString()));
    }
}
