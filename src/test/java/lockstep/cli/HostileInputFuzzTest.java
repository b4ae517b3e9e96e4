package lockstep.cli;

import lockstep.Lockstep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Hostile input through the command line's entry point ({@link Main#execute}), seeded:
 * byte- and token-mutated corpus files, deep nesting, huge literals, bad files and bad
 * options, and the cases of issue 10. Every command must end within seconds with an exit
 * code its contract names and no Java stack trace or class name in its output; an
 * unmutated corpus file must still print CPython's stored output.
 */
public class HostileInputFuzzTest {

    /** What a command printed and how it ended. */
    record Outcome(String stdout, String stderr, int exit, long millis) {}

    private static final Pattern JAVA_LEAK = Pattern.compile(
            "\\n\\s+at [\\w$.]+\\(|Exception in thread|java\\.(lang|io|nio|util)\\.|lockstep\\.(core|vm|lang|cli|sched|explore|oracle)\\.[A-Z]|[A-Z]\\w*(Exception|Error)\\)");
    private static final long MAX_MILLIS = 20_000;

    static Outcome cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        int exit = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), exit,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Runs {@code args} and checks the rules every command keeps; returns the outcome. */
    static Outcome clean(Set<Integer> allowedExits, String... args) {
        Outcome o = cli(args);
        String what = String.join(" ", args) + "\n--- stderr:\n" + o.stderr;
        assertTrue(allowedExits.contains(o.exit), "exit " + o.exit + " for " + what);
        assertFalse(JAVA_LEAK.matcher(o.stderr).find(), "Java leaked into stderr: " + what);
        assertFalse(JAVA_LEAK.matcher(o.stdout).find() && !o.stdout.contains("lockstep"), "Java leaked into stdout: " + what);
        assertTrue(o.millis < MAX_MILLIS, o.millis + " ms for " + what);
        return o;
    }

    static final Set<Integer> RUN = Set.of(0, 1, 2, 3, 4), EXPLORE = Set.of(0, 1, 2), CHECK = Set.of(0, 1, 2, 3);

    private static List<Path> corpus() throws Exception {
        try (var s = Files.list(Path.of("model/scenarios"))) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
    }

    @Test void mutatedCorpusFilesEndCleanly(@TempDir Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(20261127);
        String[] tokens = {"await ", "(", ")", ":", "\n", "    ", "lock", ".release()", "asyncio.sleep(0)", "[", "]", ",",
                "return ", "raise ", "async with lock:\n", "x", "1", "'s'", "None", " + ", " // ", " % ", "try:\n",
                "finally:\n", "float('inf')", "float('nan')", "-1", "9999999999999999999999", "lambda: ", "*", "**",
                "loop.call_soon(", "asyncio.create_task(", "while True:\n", "\\", "\"", "'''", "#", "\t"};
        List<Path> files = corpus();
        int runs = 0;
        for (int i = 0; i < 360; i++) {
            Path src = files.get(rnd.nextInt(files.size()));
            byte[] b = Files.readAllBytes(src);
            byte[] mutated = rnd.nextBoolean() ? mutate(rnd, new String(b, StandardCharsets.UTF_8), tokens).getBytes(StandardCharsets.UTF_8)
                    : byteMutation(rnd, b);
            Path f = dir.resolve("m" + i + ".py");
            Files.write(f, mutated);
            Outcome o = clean(RUN, "run", f.toString());
            if (o.exit == 2) assertTrue(o.stderr.startsWith(f.toString()), o.stderr);
            runs++;
        }
        assertEquals(360, runs);
    }

    /** One to three token insertions or deletions at random places (also used by {@code EndToEndFuzzTest}). */
    public static String mutate(SplittableRandom rnd, String src, String[] tokens) {
        StringBuilder sb = new StringBuilder(src);
        for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
            int at = rnd.nextInt(sb.length() + 1);
            switch (rnd.nextInt(3)) {
                case 0 -> sb.insert(at, tokens[rnd.nextInt(tokens.length)]);
                case 1 -> { if (at < sb.length()) sb.deleteCharAt(at); }
                default -> { if (at + 5 < sb.length()) sb.delete(at, at + 5); }
            }
        }
        return sb.toString();
    }

    private static byte[] byteMutation(SplittableRandom rnd, byte[] b) {
        byte[] c = b.clone();
        for (int k = 0; k < 1 + rnd.nextInt(3) && c.length > 0; k++) {
            c[rnd.nextInt(c.length)] = (byte) rnd.nextInt(256);
        }
        return c;
    }

    @Test void deepNestingAndHugeLiteralsEndCleanly(@TempDir Path dir) throws Exception {
        List<String> programs = new ArrayList<>();
        programs.add("x = " + "(".repeat(5000) + "1" + ")".repeat(5000) + "\nprint(x)\n");
        programs.add("x = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        programs.add("print(" + "1+".repeat(100_000) + "1)\n");
        programs.add("print(" + "not ".repeat(100_000) + "1)\n");
        programs.add("print(" + "-".repeat(100_000) + "1)\n");
        programs.add("x = " + "{1: ".repeat(3000) + "1" + "}".repeat(3000) + "\n");
        StringBuilder ifs = new StringBuilder();
        for (int d = 0; d < 200; d++) ifs.append(" ".repeat(d)).append("if True:\n");
        programs.add(ifs.append(" ".repeat(200)).append("print(1)\n").toString());
        programs.add("print(" + "9".repeat(5000) + ")\n");
        programs.add("print(len('" + "a".repeat(2_000_000) + "'))\n");
        programs.add("s = 'ab'\nwhile True:\n    s = s + s\n");
        programs.add("l = [1]\nwhile True:\n    l = l + l\n");
        programs.add("print((-9223372036854775807 - 1) // -1)\n");
        for (int i = 0; i < programs.size(); i++) {
            Path f = dir.resolve("n" + i + ".py");
            Files.writeString(f, programs.get(i));
            clean(RUN, "run", f.toString());
        }
    }

    @Test void theCasesOfTheIssueEndCleanly(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("ok.py");
        Files.writeString(ok, "import asyncio\nasync def main():\n    print('hi')\nasyncio.run(main())\n");
        Path many = dir.resolve("many.py");
        Files.writeString(many, "import asyncio\nasync def w(i):\n    await asyncio.sleep(0)\n"
                + "async def main():\n    ts = [asyncio.create_task(w(i)) for i in range(100000)]\n"
                + "    await asyncio.gather(*ts)\nasyncio.run(main())\n");
        Outcome o = clean(RUN, "run", many.toString());
        assertEquals(4, o.exit, o.stderr);
        assertTrue(o.stderr.contains("more than 10000 tasks"), o.stderr);

        Path nullOut = dir.resolve("null.jsonl");
        Files.writeString(nullOut, "{\"stdout\": null}\n");
        o = clean(CHECK, "check-trace", ok.toString(), nullOut.toString());
        assertEquals(nullOut + ":1:12: error: \"stdout\" must be a string, not null\n", o.stderr);

        assertEquals("/dev/zero: is not a regular file\n", clean(RUN, "run", "/dev/zero").stderr);
        assertEquals("/dev/zero: is not a regular file\n", clean(CHECK, "check-trace", ok.toString(), "/dev/zero").stderr);
        assertEquals(dir + ": is a directory\n", clean(RUN, "run", dir.toString()).stderr);
        assertEquals(dir + ": is a directory\n", clean(EXPLORE, "explore", ok.toString(), "--compare-outcomes", dir.toString()).stderr);

        Path latin = dir.resolve("latin.py");
        Files.write(latin, "# -*- coding: latin-1 -*-\nprint('caf\u00e9')\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("caf\u00e9\n", clean(RUN, "run", latin.toString()).stdout);
        Path notUtf8 = dir.resolve("bad.py");
        Files.write(notUtf8, "x = 1\ny = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(clean(RUN, "run", notUtf8.toString()).stderr.startsWith(notUtf8 + ":2:9: error: not UTF-8"));
        Path unknown = dir.resolve("unknown.py");
        Files.writeString(unknown, "# coding: klingon\nprint(1)\n");
        assertEquals(unknown + ":1:11: syntax error: unknown encoding: klingon\n", clean(RUN, "run", unknown.toString()).stderr);

        for (String sub : new picocli.CommandLine(new Main(System.out, System.err)).getSubcommands().keySet()) {
            o = clean(Set.of(0), sub, "--help");
            assertTrue(o.stdout.startsWith("Usage: lockstep " + sub), o.stdout);
        }
        o = clean(EXPLORE, "explore", ok.toString(), "--max-steps", "-1", "--max-schedules", "0", "--time-limit", "-3",
                "--cancel", "-1", "--depth", "0");
        assertEquals(2, o.exit);
        assertEquals(5, o.stderr.lines().count(), o.stderr);
        o = clean(RUN, "replay", ok.toString(), "--schedule", ",,,");
        assertEquals(2, o.exit);
        assertTrue(o.stderr.contains("position 1"), o.stderr);
        assertEquals(2, clean(CHECK, "check-trace", ok.toString(), nullOut.toString(), "--time-limit", "0").exit);
    }

    @Test void unmutatedCorpusFilesPrintCPythonsOutput() throws Exception {
        List<Path> files = corpus();
        for (int i = 0; i < files.size(); i += 7) {
            Path f = files.get(i);
            Outcome o = clean(RUN, "run", f.toString());
            String base = f.toString().substring(0, f.toString().length() - 3);
            assertEquals(Files.readString(Path.of(base + ".out")), Lockstep.maskAddresses(o.stdout), f.toString());
            assertEquals(Integer.parseInt(Files.readAllLines(Path.of(base + ".exit")).get(0).strip()), o.exit, f.toString());
        }
    }
}
