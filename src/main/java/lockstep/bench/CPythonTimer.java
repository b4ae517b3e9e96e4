package lockstep.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * CPython's own shuffled runs per second, timed inside the Python process by
 * {@code lockstep_cpython.bench_runs} (model/cpython/lockstep_cpython.py): one process per
 * interpreter gets every request on stdin ({@code --requests -}) and answers one JSON line
 * per request; its start-up (pyodide's ~4 s) is outside the timed runs.
 */
final class CPythonTimer {
    private CPythonTimer() {}

    /** One cell to time: FILE shuffled with seed 1 and at most {@code cancels} injected cancels. */
    record Request(Path file, int cancels, int maxSteps) {}

    /** What one interpreter answered: the rates found, its version (e.g. "3.12.7 (emscripten)"), and what went wrong. */
    record Answers(Map<Request, Measure.Rate> rates, String version, String problem) {}

    /** CPython 3.12 under pyodide (Node.js). */
    static List<String> pyodide(Path cpythonDir) {
        return List.of("node", cpythonDir.resolve("cpython312.mjs").toString(), "--requests", "-");
    }

    /** The machine's python3. */
    static List<String> python3(Path cpythonDir) {
        return List.of("python3", cpythonDir.resolve("lockstep_cpython.py").toString(), "--requests", "-");
    }

    /** Runs the interpreter once for all requests: up to {@code runs} runs (or {@code seconds}) each. */
    static Answers time(List<String> command, List<Request> requests, int runs, double seconds) {
        Path err = null;
        try {
            err = Files.createTempFile("lockstep-bench", ".err");
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                for (Request r : requests) w.write(requestLine(r, runs, seconds) + "\n");
            }
            Map<Request, Measure.Rate> rates = new LinkedHashMap<>();
            String version = null;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    Map<String, Object> a = flatObject(line);
                    Request key = match(requests, a);
                    if (key == null || !(a.get("runs") instanceof Number n) || !(a.get("seconds") instanceof Number s)) continue;
                    rates.put(key, new Measure.Rate(n.longValue(), s.doubleValue()));
                    version = a.get("python") + " (" + a.get("platform") + ")";
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
            String problem = rates.size() == requests.size() ? null : command.get(0) + ": " + lastLine(Files.readString(err));
            return new Answers(rates, version, problem);
        } catch (IOException e) {
            return new Answers(Map.of(), null, command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answers(Map.of(), null, command.get(0) + ": interrupted");
        } finally {
            if (err != null) err.toFile().delete();
        }
    }

    static String requestLine(Request r, int runs, double seconds) {
        String file = new String(JsonStringEncoder.getInstance().quoteAsString(r.file().toString()));
        return String.format(java.util.Locale.ROOT,
                "{\"file\": \"%s\", \"shuffle\": 1, \"cancel\": %d, \"max_steps\": %d, \"bench_runs\": %d, \"bench_seconds\": %s}",
                file, r.cancels(), r.maxSteps(), runs, seconds);
    }

    /** The request an answer is for: same file and cancel (answers carry both). */
    private static Request match(List<Request> requests, Map<String, Object> answer) {
        for (Request r : requests) {
            if (r.file().toString().equals(answer.get("file")) && answer.get("cancel") instanceof Number c && c.intValue() == r.cancels()) {
                return r;
            }
        }
        return null;
    }

    /** The members of a one-level JSON object whose values are strings or numbers; empty if the line is not one. */
    static Map<String, Object> flatObject(String line) {
        Map<String, Object> m = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Map.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_STRING) m.put(name, p.getText());
                else if (t.isNumeric()) m.put(name, p.getNumberValue());
                else p.skipChildren();
            }
            return m;
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines.length == 0 || lines[lines.length - 1].isEmpty() ? "no answer" : lines[lines.length - 1];
    }
}
