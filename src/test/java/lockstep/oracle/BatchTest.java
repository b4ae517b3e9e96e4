package lockstep.oracle;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code lockstep batch}: one JSON answer line per request line, in order; bad requests answer an error. */
class BatchTest {

    static List<String> serve(String... requests) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Batch.serve(new BufferedReader(new StringReader(String.join("\n", requests) + "\n")), out);
        }
        return List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
    }

    static Json.Obj parse(String line) throws Exception {
        return (Json.Obj) Json.parse(line);
    }

    static final String FILE = "model/scenarios/006_lock_fifo_wakeup.py";
    static final String NAMES = "model/scenarios/230_create_task_names.py";

    @Test void requestsAreAnsweredInOrder() throws Exception {
        List<String> a = serve(
                "{\"op\": \"run\", \"file\": \"" + FILE + "\"}",
                "",
                "{\"op\": \"run\", \"file\": \"" + FILE + "\", \"schedule\": \"0,2,1\"}",
                "{\"op\": \"run\", \"file\": \"" + FILE + "\", \"schedule\": \"9\"}",
                "{\"op\": \"explore\", \"file\": \"" + FILE + "\", \"strategy\": \"random\", \"seed\": 3, \"max_schedules\": 5}",
                "{\"op\": \"check-trace\", \"file\": \"" + FILE + "\", \"trace\": \"model/traces/006_lock_fifo_wakeup.fifo.wake-last.jsonl\"}",
                "{\"op\": \"check-trace\", \"file\": \"" + FILE + "\", \"trace_text\": \"{\\\"stdout\\\": \\\"\\\", \\\"exit\\\": 0}\"}",
                "{\"op\": \"fly\", \"file\": \"" + FILE + "\"}",
                "{\"op\": \"run\", \"file\": \"model/nope.py\"}",
                "{\"op\": \"run\"",
                "{\"op\": \"check-trace\", \"file\": \"" + FILE + "\", \"trace_text\": \"{\\\"kind\\\": 1}\"}",
                "{\"op\": \"explore\", \"file\": \"" + FILE + "\", \"python\": \"3.12\"}",
                "{\"op\": \"run\", \"file\": \"" + FILE + "\", \"python\": \"3.10\"}",
                "{\"op\": \"run\", \"file\": \"" + NAMES + "\", \"python\": \"3.13\"}",
                "{\"op\": \"run\", \"file\": \"" + NAMES + "\", \"python\": \"2.7\"}");
        assertEquals(14, a.size(), a.toString());
        Json.Obj fifo = parse(a.get(0));
        assertEquals(0L, fifo.get("exit"));
        assertTrue(((String) fifo.get("stdout")).startsWith("waiters: 3\nc got the lock\n"));
        assertTrue(((String) parse(a.get(1)).get("stdout")).contains("['b', 'a', 'c']"), a.get(1));
        assertEquals(2L, parse(a.get(2)).get("exit"));
        assertNotNull(parse(a.get(2)).get("misfit"));
        assertEquals(5L, parse(a.get(3)).get("schedules"));
        assertEquals("diverges", parse(a.get(4)).get("status"));
        assertEquals("diverges", parse(a.get(5)).get("status"), "a stdout-only trace with the wrong (empty) stdout");
        assertTrue(((String) parse(a.get(6)).get("error")).startsWith("unknown op 'fly'"));
        assertTrue(((String) parse(a.get(7)).get("error")).equals("model/nope.py: no such file"), a.get(7));
        assertTrue(((String) parse(a.get(8)).get("error")).startsWith("<stdin>:10:"), a.get(8));
        assertEquals("<trace>:1:10: error: \"kind\" must be a string, not a number", parse(a.get(9)).get("error"));
        assertEquals("exhaustive", parse(a.get(10)).get("strategy"), "explore's default strategy, as on the command line");
        assertEquals(true, parse(a.get(10)).get("complete"));
        assertEquals(Files.readString(Path.of("model/expected/3.10/scenarios/006_lock_fifo_wakeup.out")), parse(a.get(11)).get("stdout"), a.get(11));
        assertEquals(Files.readString(Path.of("model/expected/3.13/scenarios/230_create_task_names.out")), parse(a.get(12)).get("stdout"),
                "\"python\": \"3.13\" follows 3.13 (task names differ from 3.12's)");
        assertTrue(((String) parse(a.get(13)).get("error")).contains("must be one of 3.10, 3.11, 3.12, 3.13, 3.14, got 2.7"), a.get(13));
    }
}
