package lockstep.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import lockstep.Lockstep;
import lockstep.vm.Program;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's second yardstick: four tasks on a {@code Semaphore(2)} that print inside the
 * critical section, with {@code --cancel 1}, are explored completely by {@code lockstep
 * explore} in a JVM of 512 MB, and the outcomes and violations are exactly those the
 * search without reduction finds (in this JVM, with its larger heap). How long it takes is
 * the benchmark's business, not this test's.
 */
class SmallHeapSearchTest {

    static final Path FILE = Path.of("model", "bench", "01_semaphore_four_tasks_print.py");

    @Test
    void fourTasksOnASemaphoreWithACancelFitIn512MegabytesAndLoseNothing() throws Exception {
        String json = exploreIn512m();
        assertTrue(json.contains("\"complete\":true"), json.substring(0, Math.min(300, json.length())));
        Program p = Program.compile(FILE.toString(), Files.readString(FILE));
        Explorer.Report without = new Explorer(p, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, 1, 2_000_000, 10_000,
                600, false, System.err, false, true)).explore();
        assertTrue(without.complete(), "the search without reduction did not finish: " + without.bound());
        assertEquals(ReductionSoundnessTest.outcomes(without), field(json, "outcomes", "stdout", "exit"), "outcomes");
        assertEquals(ReductionSoundnessTest.violations(without), field(json, "violations", "message", "kind"), "violations");
        assertTrue(without.outcomes().size() > 1000, "the case is the large one: " + without.outcomes().size() + " outcomes");
    }

    private static String exploreIn512m() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = List.of(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "lockstep.cli.Main", "explore", FILE.toString(), "--cancel", "1", "--json", "--quiet");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the search did not end");
        assertEquals(0, p.exitValue(), "exit code");
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * From the report's list {@code list}, each entry as {@code second:first} with addresses
     * masked, in the form {@link ReductionSoundnessTest#outcomes} and {@code violations} use
     * ({@code exit:stdout}, {@code kind:message}).
     */
    private static Set<String> field(String json, String list, String first, String second) throws Exception {
        Set<String> out = new TreeSet<>();
        try (JsonParser jp = new JsonFactory().createParser(json)) {
            jp.nextToken();
            while (jp.nextToken() != JsonToken.END_OBJECT) {
                String name = jp.currentName();
                jp.nextToken();
                if (!list.equals(name)) {
                    jp.skipChildren();
                    continue;
                }
                while (jp.nextToken() == JsonToken.START_OBJECT) {
                    String a = null, b = null;
                    while (jp.nextToken() != JsonToken.END_OBJECT) {
                        String key = jp.currentName();
                        jp.nextToken();
                        if (key.equals(first)) a = jp.getValueAsString();
                        else if (key.equals(second)) b = jp.getValueAsString();
                        else jp.skipChildren();
                    }
                    out.add(b + ":" + Lockstep.maskAddresses(a));
                }
            }
        }
        return out;
    }
}
