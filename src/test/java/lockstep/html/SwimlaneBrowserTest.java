package lockstep.html;

import lockstep.Exploration;
import lockstep.Lockstep;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The swimlane page of a known counterexample — the lost wakeup of
 * {@code model/invariants/01_fire_lost_notify_gh112202.py} (gh-112202) — rendered by a real browser,
 * headless Chromium: the DOM after the page's script ran has every task's lane, the
 * notify, the injected cancel, the task left blocked and the violation row, and the
 * arrows drawn; the screenshot (kept as {@code target/swimlane/01_lost_wakeup.png}) shows
 * the violation's colours. Without Chromium the test is skipped, unless {@code CI} is set:
 * then it fails ({@code .ci/run} installs Debian's chromium).
 */
class SwimlaneBrowserTest {
    static final Path SCENARIO = Path.of("model/invariants/01_fire_lost_notify_gh112202.py");
    static final Path OUT = Path.of("target/swimlane");

    @TempDir Path profile;

    private static Path chromium() {
        Path c = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(c)) {
            assertNull(System.getenv("CI"), "CI is set and " + c + " is missing: the page cannot be checked in a browser");
            Assumptions.abort(c + " is not installed (apt-get install chromium)");
        }
        return c;
    }

    /** The page of the lost wakeup explore finds with one injected cancel. */
    static Path lostWakeupPage() throws Exception {
        Exploration.Report r = Lockstep.explore(SCENARIO, Exploration.Options.defaults().withCancels(1));
        Exploration.Violation v = r.violations().stream().filter(x -> x.kind().equals("lost-wakeup")).findFirst().orElseThrow();
        Files.createDirectories(OUT);
        Path page = OUT.resolve("01_lost_wakeup.html");
        Files.writeString(page, Lockstep.swimlanePage(SCENARIO, v.schedule()), StandardCharsets.UTF_8);
        return page;
    }

    @Test
    void theLostWakeupPageRendersInChromium() throws Exception {
        Path chromium = chromium();
        Path page = lostWakeupPage();
        String dom = run(chromium, "--dump-dom", page);

        assertTrue(dom.contains("data-arrows=\""), "the page's script did not run:\n" + head(dom));
        int arrows = Integer.parseInt(find(dom, "data-arrows=\"(\\d+)\""));
        int wakes = count(dom, "class=\"wake\" data-to=");
        assertTrue(arrows > 0 && arrows == wakes, arrows + " arrows drawn for " + wakes + " wakes");
        assertEquals(count(dom, "<path[^>]*class=\"arrow\""), arrows, "arrows in the SVG");

        for (String[] lane : new String[][]{{"Task-1", "main()"}, {"Task-2", "consumer('a')"}, {"Task-3", "consumer('b')"},
                {"loop callbacks", "call_soon, call_later, done-callbacks"}}) {
            assertTrue(dom.contains("<span class=\"name\">" + lane[0] + "</span><span class=\"call\">" + lane[1] + "</span></th>"),
                    "no lane " + lane[0] + " " + lane[1]);
        }
        String task2 = laneId(dom, "Task-2"), task3 = laneId(dom, "Task-3");

        List<String> rows = rows(dom);
        int notify = indexOf(rows, "<div class=\"wake\" data-to=\"" + task2 + "\">→ Task-2 <i>notify</i>");
        int cancel = indexOf(rows, "class=\"cancel\"");
        int violation = indexOf(rows, "data-violation=\"lost-wakeup\"");
        assertTrue(notify >= 0 && notify < cancel && cancel < violation, "notify " + notify + ", cancel " + cancel + ", violation " + violation);
        assertTrue(rows.get(notify).contains("<span class=\"woken\" data-lane=\"" + task2 + "\">◀ notify</span>"), "the notified lane is marked");
        assertTrue(Pattern.compile("<td class=\"cell ready\" data-lane=\"" + task2 + "\"[^>]*><div class=\"box cancel\">✕ cancel\\(\\) injected")
                .matcher(rows.get(cancel)).find(), "the cancel is in Task-2's lane:\n" + rows.get(cancel));
        assertTrue(rows.get(violation).contains("class=\"rest violation\""), rows.get(violation));
        assertTrue(Pattern.compile("<td class=\"cell stuck\" data-lane=\"" + task3 + "\"[^>]*>.*left blocked: waits on Condition cond",
                Pattern.DOTALL).matcher(rows.get(violation)).find(), "Task-3 is left blocked:\n" + rows.get(violation));
        assertEquals(2, count(dom, "class=\"cell stuck\""), "Task-3 and main (waiting for the job), only at the violation");
        assertFalse(Pattern.compile("<td class=\"cell stuck\" data-lane=\"" + task2 + "\"").matcher(dom).find(), "not the cancelled Task-2");
        assertTrue(Pattern.compile("<aside id=\"detail\"><h2>the loop at rest</h2>.*lost-wakeup", Pattern.DOTALL).matcher(dom).find(),
                "the side panel opens on the violation's row");

        Path png = OUT.resolve("01_lost_wakeup.png");
        Files.deleteIfExists(png);
        run(chromium, "--screenshot=" + png.toAbsolutePath(), page);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " is not an image");
        assertEquals(1800, img.getWidth());
        assertTrue(pixels(img, 0xd0202e) > 2000, "the violation banner's red is on the screenshot");
        assertTrue(pixels(img, 0xffeccc) > 500, "the injected cancel's orange is on the screenshot");
        assertTrue(pixels(img, 0xf9d3d6) > 500, "the left-blocked cell is on the screenshot");
    }

    /** Runs headless Chromium on a page (a fresh profile, no network); its stdout. */
    private String run(Path chromium, String what, Path page) throws Exception {
        Path profileDir = Files.createTempDirectory(profile, "p");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profileDir, "--window-size=1800,1100", "--hide-scrollbars", what, page.toAbsolutePath().toUri().toString()));
        Path out = profile.resolve("out.txt"), err = profile.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 90 s: " + cmd);
        }
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(err));
        return Files.readString(out);
    }

    static List<String> rows(String dom) {
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("<tr id=\"row-\\d+\".*?</tr>", Pattern.DOTALL).matcher(dom);
        while (m.find()) rows.add(m.group());
        return rows;
    }

    static String laneId(String dom, String name) {
        return find(dom, "<th class=\"lane\" data-lane=\"(\\d+)\"><span class=\"name\">" + Pattern.quote(name) + "</span>");
    }

    static int indexOf(List<String> rows, String part) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).contains(part)) return i;
        return -1;
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex);
        return m.group(1);
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    private static String head(String s) { return s.substring(0, Math.min(2000, s.length())); }

    private static int pixels(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == rgb) n++;
        }
        return n;
    }
}
