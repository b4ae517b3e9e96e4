package lockstep.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The protocol with the CPython runners' {@code --requests -} and {@code bench_runs}, without a Python (a shell plays it). */
class CPythonTimerTest {

    @Test void requestLineIsJsonWithTheCell() {
        CPythonTimer.Request r = new CPythonTimer.Request(Path.of("dir/a \"b\".py"), 1, 200);
        Map<String, Object> m = CPythonTimer.flatObject(CPythonTimer.requestLine(r, 20, 2.5));
        assertEquals("dir/a \"b\".py", m.get("file"));
        assertEquals(1, ((Number) m.get("cancel")).intValue());
        assertEquals(1, ((Number) m.get("shuffle")).intValue());
        assertEquals(200, ((Number) m.get("max_steps")).intValue());
        assertEquals(20, ((Number) m.get("bench_runs")).intValue());
        assertEquals(2.5, ((Number) m.get("bench_seconds")).doubleValue());
    }

    @Test void answersAreMatchedByFileAndCancelAndAMissingOneIsAProblem() {
        CPythonTimer.Request c0 = new CPythonTimer.Request(Path.of("x.py"), 0, 10_000);
        CPythonTimer.Request c1 = new CPythonTimer.Request(Path.of("x.py"), 1, 10_000);
        String answer = "{\"runs\": 10, \"seconds\": 0.5, \"file\": \"x.py\", \"cancel\": 1, \"python\": \"3.9.1\", \"platform\": \"t\"}";
        List<String> shell = List.of("sh", "-c", "cat > /dev/null; echo 'not json'; echo '" + answer + "'; echo oops >&2");
        CPythonTimer.Answers a = CPythonTimer.time(shell, List.of(c0, c1), 10, 1);
        assertEquals(Map.of(c1, new Measure.Rate(10, 0.5)), a.rates());
        assertEquals(20.0, a.rates().get(c1).perSecond());
        assertEquals("3.9.1 (t)", a.version());
        assertEquals("sh: oops", a.problem());
    }

    @Test void anInterpreterThatCannotStartIsAProblemNotACrash() {
        CPythonTimer.Answers a = CPythonTimer.time(List.of("/nonexistent/python"), List.of(new CPythonTimer.Request(Path.of("x.py"), 0, 1)), 1, 1);
        assertTrue(a.rates().isEmpty());
        assertNull(a.version());
        assertTrue(a.problem().startsWith("/nonexistent/python: "), a.problem());
    }
}
