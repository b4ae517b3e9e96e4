package lockstep.html;

import lockstep.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The pages as written by {@code replay --html} and {@code explore --html} (their DOM in a browser: {@link SwimlaneBrowserTest}). */
class SwimlanePageTest {
    @TempDir Path dir;

    private record Ran(int exit, String out, String err) {}

    private static Ran lockstep(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Nothing is fetched: no external script, style sheet, font, image or frame. */
    static void assertSelfContained(String page) {
        for (String s : List.of("<link", "src=", "@import", "@font-face", "<iframe", "<img", "href=\"http", "url(http", "url(\"http", "url('http")) {
            assertFalse(page.contains(s), "the page refers to something outside it: " + s);
        }
        Matcher m = Pattern.compile("https?://[^\"' )]*").matcher(page);
        while (m.find()) assertEquals("http://www.w3.org/2000/svg", m.group(), "an address in the page (only the SVG namespace may be)");
    }

    @Test
    void replayWritesOneSelfContainedPageWithARowPerStep() throws Exception {
        Path out = dir.resolve("p.html");
        Ran r = lockstep("replay", SwimlaneBrowserTest.SCENARIO.toString(), "--schedule", "0*5,c0", "--html", out.toString());
        assertEquals(3, r.exit(), r.err());
        assertEquals("a cancelled\n", r.out(), "replay prints what it printed without --html");
        String page = Files.readString(out);
        assertSelfContained(page);
        List<String> rows = SwimlaneBrowserTest.rows(page);
        assertEquals(6, SwimlaneBrowserTest.count(page, "<tr id=\"row-\\d+\" class=\"step"), "one row per step (replay --trace shows 6)");
        assertEquals(1, SwimlaneBrowserTest.count(page, "<tr id=\"row-\\d+\" class=\"cancel"), "the injected cancel");
        assertEquals(8, rows.size(), "steps, the cancel, the loop at rest where the lost wakeup holds");
        for (String row : rows) assertEquals(1, SwimlaneBrowserTest.count(row, "<div class=\"box"), "one lane ran:\n" + row);
        assertEquals(rows.size(), SwimlaneBrowserTest.count(page, "<div id=\"detail-\\d+\">"), "a detail per row");
        assertTrue(page.contains("replay: <code>lockstep replay model/invariants/01_fire_lost_notify_gh112202.py --schedule &#39;0*5,c0&#39; --trace</code>"));
        assertTrue(page.contains("<span class=\"ln\">29</span> <code>cond.notify()</code>"), "the notify's line is on its row");
    }

    @Test
    void aLongRunStaysOnePageWithEveryStepDrawn() throws Exception {
        Path f = dir.resolve("long.py");
        Files.writeString(f, """
                import asyncio
                lock = asyncio.Lock()
                async def worker(name):
                    for i in range(75):
                        async with lock:
                            await asyncio.sleep(0)
                async def main():
                    await asyncio.gather(worker("a"), worker("b"))
                asyncio.run(main())
                """);
        Path out = dir.resolve("long.html");
        Ran r = lockstep("replay", f.toString(), "--html", out.toString());
        assertEquals(0, r.exit(), r.err());
        String page = Files.readString(out);
        int steps = SwimlaneBrowserTest.count(page, "<tr id=\"row-\\d+\" class=\"step");
        assertTrue(steps >= 300, steps + " steps");
        assertTrue(page.contains(steps + " steps drawn · "), "every step drawn");
        assertTrue(page.length() < 4_000_000, page.length() + " characters");
        assertSelfContained(page);
    }

    @Test
    void aRunLongerThanAPageIsCutWithANote() throws Exception {
        Path f = dir.resolve("spin.py");
        Files.writeString(f, """
                import asyncio
                async def main():
                    for i in range(6000):
                        await asyncio.sleep(0)
                asyncio.run(main())
                """);
        Path out = dir.resolve("spin.html");
        Ran r = lockstep("replay", f.toString(), "--html", out.toString());
        assertEquals(0, r.exit(), r.err());
        String page = Files.readString(out);
        assertEquals(Recording.MAX_ROWS, SwimlaneBrowserTest.count(page, "<tr id=\"row-\\d+\" class=\"step"));
        assertTrue(Pattern.compile(Recording.MAX_ROWS + " steps drawn, \\d+ more not drawn").matcher(page).find());
    }

    @Test
    void exploreWritesAPagePerOutcomeAndViolationAndAnIndexLinkingThem() throws Exception {
        Path d = dir.resolve("pages");
        Ran r = lockstep("explore", SwimlaneBrowserTest.SCENARIO.toString(), "--cancel", "1", "--quiet", "--html", d.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("explore: 11 pages written, open " + d.resolve("index.html")), r.err());
        String index = Files.readString(d.resolve("index.html"));
        assertSelfContained(index);
        Matcher links = Pattern.compile("href=\"((?:outcome|violation)-\\d+\\.html)\"").matcher(index);
        java.util.Set<String> linked = new java.util.TreeSet<>();
        while (links.find()) linked.add(links.group(1));
        assertEquals(10, linked.size(), "8 outcomes and 2 violations (the lost wakeup, the deadlock): " + linked);
        for (String l : linked) assertTrue(Files.readString(d.resolve(l)).contains("<table id=\"lanes\">"), l);
        assertTrue(index.contains("<b>lost-wakeup</b>"));
        assertTrue(Files.readString(d.resolve("violation-1.html")).contains("data-violation=\"lost-wakeup\""));
    }

    @Test
    void theSameRunGivesTheSamePage() throws Exception {
        Path a = dir.resolve("a.html"), b = dir.resolve("b.html");
        for (Path p : List.of(a, b)) lockstep("replay", SwimlaneBrowserTest.SCENARIO.toString(), "--schedule", "0*5,c0", "--html", p.toString());
        assertEquals(Files.readString(a), Files.readString(b));
    }

    @Test
    void aPageThatCannotBeWrittenIsOneErrorLine() {
        Path out = dir.resolve("no-such-dir").resolve("p.html");
        Ran r = lockstep("replay", SwimlaneBrowserTest.SCENARIO.toString(), "--html", out.toString());
        assertEquals(2, r.exit());
        assertEquals("lockstep: --html " + out + ": cannot write: no such directory\n", r.err());
        Path file = dir.resolve("file");
        Ran e = lockstep("explore", SwimlaneBrowserTest.SCENARIO.toString(), "--quiet", "--html", out.getParent().toString() + "/x");
        assertEquals(0, e.exit(), "explore makes the directories it needs: " + e.err());
        assertDoesNotThrow(() -> Files.writeString(file, ""));
        Ran f = lockstep("explore", SwimlaneBrowserTest.SCENARIO.toString(), "--quiet", "--html", file.toString());
        assertEquals(2, f.exit());
        assertEquals("lockstep: --html " + file + ": cannot write: a file is in the way\n", f.err());
    }

    @Test
    void aScheduleThatDoesNotFitWritesNothing() {
        Path out = dir.resolve("none.html");
        Ran r = lockstep("replay", SwimlaneBrowserTest.SCENARIO.toString(), "--schedule", "9", "--html", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("lockstep: the schedule does not fit "), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aDeadlockIsDrawnWhereTheLoopStopped() throws Exception {
        Path out = dir.resolve("deadlock.html");
        Ran r = lockstep("replay", "model/junit/unsafe/lock_order_deadlock.py", "--schedule", "0*3,1*2", "--html", out.toString());
        assertEquals(3, r.exit(), r.err());
        String page = Files.readString(out);
        List<String> rows = SwimlaneBrowserTest.rows(page);
        String last = rows.get(rows.size() - 1);
        assertTrue(last.contains("class=\"rest violation\" data-row=\"" + (rows.size() - 1) + "\" data-violation=\"deadlock\""), last);
        assertEquals(2, SwimlaneBrowserTest.count(last, "class=\"cell stuck\""), "both lock takers are left blocked:\n" + last);
    }
}
