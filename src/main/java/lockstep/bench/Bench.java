package lockstep.bench;

import lockstep.vm.Program;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lockstep bench}: on the same scenarios, in one run, exhaustive search, FIFO runs
 * and random search of lockstep, and CPython's own shuffled runs (3.12 under pyodide and
 * the machine's python3), printed as one table with the machine it ran on. Every figure
 * is printed, none is checked.
 */
public final class Bench {
    private Bench() {}

    /** One scenario: its file, its program, and the {@code --max-steps} of its {@code # explore:} line (else explore's 10,000). */
    public record Scenario(Path file, Program program, int maxSteps) {
        private static final Pattern MAX_STEPS = Pattern.compile("(?m)^# explore:.*--max-steps (\\d+)");

        public static Scenario of(Path file, String source, Program program) {
            Matcher m = MAX_STEPS.matcher(source);
            return new Scenario(file, program, m.find() ? Integer.parseInt(m.group(1)) : 10_000);
        }

        /** The file's directory and name without {@code .py}: {@code explore/02_lock_three_tasks}. */
        String name() {
            String n = file.getFileName().toString().replaceFirst("\\.py$", "");
            Path dir = file.toAbsolutePath().getParent();
            return dir == null || dir.getFileName() == null ? n : dir.getFileName() + "/" + n;
        }
    }

    /** How much work each figure gets: {@link #QUICK} for CI smoke runs, {@link #FULL} otherwise. */
    public record Sizes(double jvmWarmSeconds, double fifoWarmSeconds, double fifoSeconds, long randomSchedules,
                        double randomWarmSeconds, long exhaustiveWarmupSchedules, double exhaustiveWarmSeconds,
                        double exhaustiveRepeatSeconds, long threadsWarmupSchedules, int cpythonRuns, double defaultTimeLimit) {
        /**
         * The exhaustive cells are timed after the whole search ran untimed (up to the time limit),
         * again and again for 1 s when it is shorter, so that a search of milliseconds is timed with
         * the JIT's code for it as a long one is; a complete search is timed again while the timed
         * runs took less than 2 s in all (at most {@link Measure#REPEATS} runs), and the run of
         * median time is shown.
         */
        public static final Sizes FULL = new Sizes(3, 2, 3, 20_000, 1, Long.MAX_VALUE, 1, 2, 2_000, 1_000, 60);
        public static final Sizes QUICK = new Sizes(0.1, 0.1, 0.2, 200, 0.1, 50, 0, 0, 50, 20, 2);
    }

    /** What to measure. {@code timeLimit} bounds every cell (seconds); {@code threads}: the searches timed with 1, 2, … threads (maybe none). */
    public record Config(List<Scenario> scenarios, List<Integer> cancels, Sizes sizes, double timeLimit, boolean markdown,
                         boolean cpython, Path cpythonDir, String note, List<ThreadsCase> threads) {}

    /**
     * A search on which more threads are timed against one: {@code --threads-case FILE:K}. By
     * default issue 9's yardstick, searches of more than a million states: {@link #DEFAULT_THREADS_CASES}.
     */
    public record ThreadsCase(Scenario scenario, int cancels) {}

    /** How many times each number of threads runs the threads case, taking turns (the table shows the median). */
    static final int THREADS_ROUNDS = 3;

    /**
     * bench/02 with {@code --cancel 2} (1,208,336 states: its runs print the same lines in many
     * orders, so a part is often waited for) and bench/01 with {@code --cancel 3} (2,531,092 states).
     */
    public static final String THREADS_CASE_02 = "bench/02_three_clients_two_requests.py:2", THREADS_CASE_01 = "bench/01_semaphore_four_tasks_print.py:3";

    /** The threads cases run when none is given: {@link #THREADS_CASE_02}, {@link #THREADS_CASE_01}. */
    public static final List<String> DEFAULT_THREADS_CASES = List.of(THREADS_CASE_02, THREADS_CASE_01);

    /** The default scenarios: {@code model/explore/*.py} and {@code model/bench/*.py}, in name order. */
    public static List<Path> defaultFiles(Path model) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : new String[]{"explore", "bench"}) {
            Path d = model.resolve(dir);
            if (!Files.isDirectory(d)) continue;
            try (var s = Files.list(d)) {
                s.filter(f -> f.toString().endsWith(".py")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** Measures everything and prints the table (progress, one line per cell, on {@code progress}). */
    public static void run(Config c, PrintStream out, PrintStream progress) {
        Table.Machine machine = Table.Machine.now();
        List<Table.Row> rows = lockstepRows(c, progress);
        List<Table.Interpreter> pythons = c.cpython() ? cpythons(c, rows, progress) : List.of();
        List<List<Measure.Threaded>> threads = new ArrayList<>();
        for (ThreadsCase t : c.threads()) threads.add(threads(t, c, progress));
        new Table(c, machine, Table.Machine.loadAverage(), rows, pythons, threads).print(out);
    }

    /** lockstep's figures: an untimed warm-up of every scenario, then per scenario FIFO runs, and per cancel bound exhaustive and random search. */
    private static List<Table.Row> lockstepRows(Config c, PrintStream progress) {
        Sizes z = c.sizes();
        progress.println("bench: warming up (every scenario, untimed)");
        for (Scenario s : c.scenarios()) Measure.warmUp(s.program(), s.maxSteps(), z.jvmWarmSeconds(), c.cancels());
        List<Table.Row> rows = new ArrayList<>();
        for (Scenario s : c.scenarios()) {
            progress.println("bench: " + s.name() + ": FIFO runs");
            Measure.Rate fifo = Measure.fifo(s.program(), z.fifoWarmSeconds(), Math.min(z.fifoSeconds(), c.timeLimit()));
            for (int k : c.cancels()) {
                progress.println("bench: " + s.name() + " --cancel " + k + ": exhaustive, random");
                Measure.Exhaustive e = Measure.exhaustive(s.program(), k, s.maxSteps(), c.timeLimit(), z.exhaustiveWarmupSchedules(),
                        z.exhaustiveWarmSeconds(), z.exhaustiveRepeatSeconds());
                Measure.Rate random = Measure.random(s.program(), k, s.maxSteps(), z.randomSchedules(),
                        Math.min(z.randomWarmSeconds(), c.timeLimit()), c.timeLimit());
                rows.add(new Table.Row(s.name(), k, e, fifo, random, new CPythonTimer.Request(s.file(), k, s.maxSteps())));
            }
        }
        return rows;
    }

    /** A threads case searched with 1 thread, 2, and every core if there are more. */
    private static List<Measure.Threaded> threads(ThreadsCase t, Config c, PrintStream progress) {
        Scenario s = t.scenario();
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> counts = cores > 2 ? List.of(1, 2, cores) : List.of(1, 2);
        progress.println("bench: " + s.name() + " --cancel " + t.cancels() + ": exhaustive with " + counts + " threads");
        return Measure.threads(s.program(), s.file().toString(), t.cancels(), s.maxSteps(), c.timeLimit(),
                c.sizes().threadsWarmupSchedules(), counts, THREADS_ROUNDS);
    }

    /** CPython 3.12 (pyodide) and python3, each timed in one process on every row's scenario and cancel bound, one after the other. */
    private static List<Table.Interpreter> cpythons(Config c, List<Table.Row> rows, PrintStream progress) {
        List<CPythonTimer.Request> requests = rows.stream().map(Table.Row::request).toList();
        progress.println("bench: CPython 3.12 (pyodide)");
        Table.Interpreter cpython312 = new Table.Interpreter("CPython 3.12",
                CPythonTimer.time(CPythonTimer.pyodide(c.cpythonDir()), requests, c.sizes().cpythonRuns(), c.timeLimit()));
        progress.println("bench: python3");
        Table.Interpreter python3 = new Table.Interpreter("python3",
                CPythonTimer.time(CPythonTimer.python3(c.cpythonDir()), requests, c.sizes().cpythonRuns(), c.timeLimit()));
        return List.of(cpython312, python3);
    }
}
