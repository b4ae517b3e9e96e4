package lockstep.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A search that needs more memory than the JVM has stops cleanly: the report says
 * {@code complete: false} with bound {@code memory}, the exit code is explore's own, and
 * no OutOfMemoryError or stack trace reaches the user. Run in a JVM of its own with a
 * small heap (the bench scenario's 385,406 states do not fit in 12 MB).
 */
class MemoryBoundTest {

    @Test
    void aSearchLargerThanTheHeapStopsAtTheMemoryBound() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = List.of(java.toString(), "-Xmx12m", "-cp", System.getProperty("java.class.path"),
                "lockstep.cli.Main", "explore", "model/bench/01_semaphore_four_tasks_print.py", "--cancel", "1", "--json");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread e = new Thread(() -> { try { p.getErrorStream().transferTo(err); } catch (java.io.IOException ignored) { } });
        e.start();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the search did not end");
        e.join();
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stderr);
        assertTrue(stdout.contains("\"complete\":false"), stdout.substring(0, Math.min(300, stdout.length())));
        assertTrue(stdout.contains("\"bound\":\"memory\""), stdout.substring(0, Math.min(300, stdout.length())));
        assertFalse(stderr.contains("Exception") || stderr.contains("Error") || stderr.contains("\tat "), stderr);
    }
}
