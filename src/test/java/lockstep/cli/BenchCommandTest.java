package lockstep.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** {@code lockstep bench --quick --no-cpython} on one scenario: the table's shape and that its cells are figures (not their values). */
class BenchCommandTest {

    static final String FILE = "model/explore/02_lock_three_tasks.py";
    static final List<String> COLUMNS = List.of("scenario", "cancel", "schedules", "states", "seconds", "states/s", "B/state",
            "complete", "FIFO steps/s", "random sched/s");
    static final Pattern NUMBER = Pattern.compile("\\d{1,3}(,\\d{3})*(\\.\\d+)?");

    /** Runs the command; returns stdout (asserting exit 0). */
    static String bench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        assertEquals(0, Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), all));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test void textTableHasEveryColumnAndAFigureInEachCell() {
        String out = bench("--quick", "--no-cpython", FILE);
        assertTrue(out.contains("\nmachine: "), out);
        assertTrue(Pattern.compile("\\d+ cores").matcher(out).find(), out);
        List<String> lines = out.lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("scenario ")).findFirst().orElseThrow());
        assertEquals(COLUMNS, Arrays.asList(lines.get(header).split(" {2,}")), "no CPython columns with --no-cpython");
        for (int k = 0; k <= 1; k++) {
            checkRow(Arrays.asList(lines.get(header + 1 + k).split(" {2,}")), k, out);
        }
        assertEquals("", lines.get(header + 3), "one row per cancel bound (0 and 1)");
    }

    @Test void markdownTableHasEveryColumnAndAFigureInEachCell() {
        String out = bench("--quick", "--no-cpython", "--markdown", "--cancel", "1", FILE);
        List<String> lines = out.lines().toList();
        int header = lines.indexOf("| " + String.join(" | ", COLUMNS) + " |");
        assertTrue(header > 0, out);
        assertEquals("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|", lines.get(header + 1));
        String row = lines.get(header + 2);
        assertTrue(row.startsWith("| ") && row.endsWith(" |"), row);
        checkRow(Arrays.asList(row.substring(2, row.length() - 2).split(" \\| ")), 1, out);
        assertEquals("", lines.get(header + 3), "one row: --cancel 1 only");
    }

    private static void checkRow(List<String> cells, int cancels, String out) {
        assertEquals(COLUMNS.size(), cells.size(), out);
        assertEquals("explore/02_lock_three_tasks", cells.get(0));
        assertEquals(Integer.toString(cancels), cells.get(1));
        for (int i = 2; i < cells.size(); i++) {
            if (COLUMNS.get(i).equals("complete")) {
                assertTrue(cells.get(i).matches("yes|no \\([a-z -]+\\)"), cells.get(i));
            } else {
                assertTrue(NUMBER.matcher(cells.get(i)).matches(), COLUMNS.get(i) + ": " + cells.get(i) + "\n" + out);
            }
        }
    }

    @Test void threadsCaseTimesOneAndTwoThreadsAndComparesTheirReports() {
        String out = bench("--quick", "--no-cpython", "--cancel", "0", "--threads-case", FILE + ":0", "--threads-case", FILE + ":1", FILE);
        List<String> lines = out.lines().toList();
        int first = lines.indexOf("Every core: explore/02_lock_three_tasks --cancel 0");
        int title = lines.indexOf("Every core: explore/02_lock_three_tasks --cancel 1");
        assertTrue(first > 0 && title > first, "each case given, in order\n" + out);
        assertEquals(List.of("threads", "schedules", "states", "seconds", "states/s", "speed-up", "complete", "report as with 1 thread",
                "every run (s)"), Arrays.asList(lines.get(title + 2).trim().split(" {2,}")));
        for (int n = 1; n <= 2; n++) {
            List<String> cells = Arrays.asList(lines.get(title + 2 + n).trim().split(" {2,}"));
            assertEquals(Integer.toString(n), cells.get(0), out);
            for (int i = 1; i <= 5; i++) assertTrue(NUMBER.matcher(cells.get(i)).matches(), cells.get(i) + "\n" + out);
            assertEquals("yes", cells.get(6), "02 --cancel 1 finishes within the quick time limit\n" + out);
            assertEquals("same JSON", cells.get(7), out);
            String[] runs = cells.get(8).split(", ");
            assertEquals(3, runs.length, "each number of threads runs three times\n" + out);
            for (String r : runs) assertTrue(NUMBER.matcher(r).matches(), r + "\n" + out);
            List<String> sorted = new java.util.ArrayList<>(Arrays.asList(runs));
            sorted.sort(java.util.Comparator.comparingDouble(Double::parseDouble));
            assertEquals(sorted.get(1), cells.get(3), "the seconds shown are the median run's\n" + out);
        }
    }

    @Test void noThreadsCaseWhenFilesAreGiven() {
        assertFalse(bench("--quick", "--no-cpython", "--cancel", "0", FILE).contains("Every core"));
    }
}
