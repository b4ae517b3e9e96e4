package lockstep.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The benchmark's output: the machine, one row per scenario and cancel bound, and what each column means. */
final class Table {

    /** The machine the benchmark ran on, read when it started. */
    record Machine(String date, String cpu, int cores, String memory, String jvm, String maxHeap, String loadAtStart) {
        /** The JVM's garbage collectors, by name: a search's speed depends on them (README, the bench). */
        static String collectors() {
            return String.join(", ", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
        }

        static Machine now() {
            Runtime rt = Runtime.getRuntime();
            return new Machine(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                    procField("/proc/cpuinfo", "model name", System.getProperty("os.arch")), rt.availableProcessors(),
                    memTotal(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " (" + collectors() + ")",
                    gigabytes(rt.maxMemory()), loadAverage());
        }

        /** The 1, 5 and 15 minute load averages of /proc/loadavg ("?" elsewhere). */
        static String loadAverage() {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
                return f[0] + " " + f[1] + " " + f[2];
            } catch (IOException | RuntimeException e) {
                return "?";
            }
        }

        /** MemTotal of /proc/meminfo ("? GB" elsewhere). */
        private static String memTotal() {
            String kb = procField("/proc/meminfo", "MemTotal", "?").replace(" kB", "");
            return kb.matches("\\d+") ? gigabytes(Long.parseLong(kb) * 1024) : "? GB";
        }

        /** The value of the first {@code key: value} line of a /proc file, or {@code otherwise}. */
        private static String procField(String file, String key, String otherwise) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    int colon = line.indexOf(':');
                    if (colon > 0 && line.substring(0, colon).trim().equals(key)) return line.substring(colon + 1).trim();
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: say so below
            }
            return otherwise;
        }
    }

    /** One scenario under one cancel bound: lockstep's figures, and the request that times CPython on it. */
    record Row(String scenario, int cancels, Measure.Exhaustive exhaustive, Measure.Rate fifo, Measure.Rate random,
               CPythonTimer.Request request) {}

    /** A CPython that was timed, by its column label. */
    record Interpreter(String label, CPythonTimer.Answers answers) {
        Measure.Rate rate(Row r) { return answers.rates().get(r.request()); }
    }

    private record Column(String header, boolean number, Function<Row, String> cell) {}

    private final Bench.Config config;
    private final Machine machine;
    private final String loadAtEnd;
    private final List<Row> rows;
    private final List<Interpreter> pythons;
    /** For each threads case, in order: one search per number of threads. */
    private final List<List<Measure.Threaded>> threads;
    private final List<Column> columns = new ArrayList<>();

    Table(Bench.Config config, Machine machine, String loadAtEnd, List<Row> rows, List<Interpreter> pythons,
          List<List<Measure.Threaded>> threads) {
        this.config = config;
        this.threads = threads;
        this.machine = machine;
        this.loadAtEnd = loadAtEnd;
        this.rows = rows;
        this.pythons = pythons;
        columns.add(new Column("scenario", false, Row::scenario));
        columns.add(new Column("cancel", true, r -> Integer.toString(r.cancels())));
        columns.add(new Column("schedules", true, r -> count(r.exhaustive().schedules())));
        columns.add(new Column("states", true, r -> count(r.exhaustive().states())));
        columns.add(new Column("seconds", true, r -> String.format(Locale.ROOT, "%.2f", r.exhaustive().seconds())));
        columns.add(new Column("states/s", true, r -> rate(r.exhaustive().statesPerSecond())));
        columns.add(new Column("B/state", true, r -> rate(r.exhaustive().bytesPerState())));
        columns.add(new Column("complete", false, r -> r.exhaustive().complete()));
        columns.add(new Column("FIFO steps/s", true, r -> rate(r.fifo().perSecond())));
        columns.add(new Column("random sched/s", true, r -> rate(r.random().perSecond())));
        for (Interpreter py : pythons) {
            columns.add(new Column(py.label() + " sched/s", true, r -> py.rate(r) == null ? "—" : rate(py.rate(r).perSecond())));
            columns.add(new Column("random / " + py.label(), true, r -> py.rate(r) == null ? "—"
                    : String.format(Locale.ROOT, "%.2f", r.random().perSecond() / py.rate(r).perSecond())));
        }
    }

    void print(PrintStream out) {
        boolean md = config.markdown();
        out.println((md ? "## " : "") + "lockstep bench, " + machine.date());
        out.println();
        for (String line : heading()) out.println((md ? "- " : "") + line);
        out.println();
        if (md) markdown(out);
        else text(out);
        out.println();
        for (String line : method()) out.println((md ? "- " : "") + line);
        for (int i = 0; i < threads.size(); i++) printThreads(out, md, config.threads().get(i), threads.get(i), i + 1 == threads.size());
        out.flush();
    }

    /** States per second with N threads over states per second with one (the same search: the same states, if complete). */
    private static String speedUp(Measure.Exhaustive one, Measure.Exhaustive n) {
        Double a = one.statesPerSecond(), b = n.statesPerSecond();
        return a == null || b == null || a == 0 ? "—" : String.format(Locale.ROOT, "%.2f", b / a);
    }

    /** A threads case: one line per number of threads, its speed-up over one, and whether the reports were the same (then, after the last, how). */
    private static void printThreads(PrintStream out, boolean md, Bench.ThreadsCase c, List<Measure.Threaded> threads, boolean last) {
        Measure.Threaded one = threads.get(0);
        out.println();
        out.println((md ? "### " : "") + "Every core: " + c.scenario().name() + " --cancel " + c.cancels());
        out.println();
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[]{"threads", "schedules", "states", "seconds", "states/s", "speed-up", "complete", "report as with 1 thread",
                "every run (s)"});
        for (Measure.Threaded t : threads) {
            Measure.Exhaustive e = t.search();
            List<String> runs = new ArrayList<>();
            for (double x : t.seconds()) runs.add(String.format(Locale.ROOT, "%.2f", x));
            cells.add(new String[]{Integer.toString(t.threads()), count(e.schedules()), count(e.states()),
                    String.format(Locale.ROOT, "%.2f", e.seconds()), rate(e.statesPerSecond()),
                    speedUp(one.search(), e), e.complete(),
                    t.json() == null || one.json() == null ? "—" : t.json().equals(one.json()) ? "same JSON" : "DIFFERENT",
                    String.join(", ", runs)});
        }
        boolean[] number = {true, true, true, true, true, true, false, false, false};
        if (md) {
            out.println("| " + String.join(" | ", cells.get(0)) + " |");
            StringBuilder sep = new StringBuilder("|");
            for (boolean n : number) sep.append(n ? "---:|" : "---|");
            out.println(sep);
            for (String[] line : cells.subList(1, cells.size())) out.println("| " + String.join(" | ", line) + " |");
        } else {
            printAligned(out, cells, number);
        }
        if (!last) return;
        out.println();
        out.println((md ? "- " : "") + "every core: the same exhaustive search (`lockstep explore --threads N --cancel K`), run once untimed"
                + " with each N first, then each time after a short untimed warm-up search with N threads, " + Bench.THREADS_ROUNDS
                + " times, the numbers of threads taking turns;"
                + " seconds, states/s and the report are those of the run of median time; speed-up = its states/s with N threads / with 1"
                + " (when both are complete, the states are the same and it is the ratio of the seconds);"
                + " the report column compares the JSON reports byte for byte.");
    }

    private List<String> heading() {
        List<String> h = new ArrayList<>();
        h.add("machine: " + machine.cpu() + ", " + machine.cores() + " cores, " + machine.memory() + " RAM; "
                + machine.jvm() + ", max heap " + machine.maxHeap() + "; one thread");
        h.add("load average (1, 5, 15 min): " + machine.loadAtStart() + " at the start, " + loadAtEnd + " at the end");
        if (config.note() != null) h.add("note: " + config.note());
        for (Interpreter py : pythons) {
            CPythonTimer.Answers a = py.answers();
            h.add(py.label() + ": " + (a.version() == null ? "not measured" : "Python " + a.version())
                    + (a.problem() == null ? "" : " (" + a.problem() + ")"));
        }
        Bench.Sizes s = config.sizes();
        h.add(String.format(Locale.ROOT, "bounds: %s s of untimed warm-up per scenario first (plain runs, random and exhaustive search); %s s per cell; FIFO %s s after"
                        + " %s s of warm-up; random at most %,d schedules; CPython at most %,d runs per cell",
                num(s.jvmWarmSeconds()), num(config.timeLimit()), num(Math.min(s.fifoSeconds(), config.timeLimit())), num(s.fifoWarmSeconds()),
                s.randomSchedules(), s.cpythonRuns()));
        return h;
    }

    /** What each column is and how it was measured. */
    private List<String> method() {
        List<String> m = new ArrayList<>();
        m.add("schedules, states, seconds, states/s, complete: `lockstep explore` (exhaustive, its default reduction and"
                + " state caching) with `--cancel K` and the scenario's `--max-steps`, stopped at the time limit; wall time of"
                + " Explorer.explore() after the same search ran untimed (up to the time limit; `--quick`: 50 schedules)"
                + (config.sizes().exhaustiveWarmSeconds() > 0 ? ", again and again for " + num(config.sizes().exhaustiveWarmSeconds())
                        + " s when it is shorter" : "")
                + ", so that the JIT compiled the interpreter and the search for it, as in a long search"
                + " (and without a System.gc() just before)"
                + (config.sizes().exhaustiveRepeatSeconds() > 0 ? "; a complete search is timed again while its timed runs took less than "
                        + num(config.sizes().exhaustiveRepeatSeconds()) + " s in all, at most " + Measure.REPEATS
                        + " runs (one shorter than " + num(Measure.BATCH_SECONDS * 1000) + " ms is timed again as a batch of"
                        + " searches back to back that takes about that long, each batch standing for its mean), and the run of median time is shown" : "")
                + "; states/s = states / seconds.");
        m.add("B/state: bytes per visited state of the exhaustive search's visited set (fingerprint table and interned"
                + " sleep sets, the report's `visited`); for a report without one (DPOR), the heap the search retains after"
                + " System.gc(), in a run of its own; — when the search ran out of memory.");
        m.add("FIFO steps/s: handles run per second by plain runs in CPython's own order (`lockstep run` without"
                + " printing), repeated after a warm-up, in " + Measure.FIFO_SLICES + " slices of equal time: the slice of median"
                + " speed; it does not depend on K (one measurement per scenario).");
        m.add("random sched/s: `lockstep explore --strategy random --seed 1 --cancel K`: schedules per second (wall time of"
                + " explore(), including the shrinking of any violation found) after a warm-up search of another seed.");
        if (!pythons.isEmpty()) {
            m.add("CPython sched/s: shuffled runs per second on the real asyncio (model/cpython/lockstep_cpython.py"
                    + " `--shuffle 1 --cancel K`, a random ready handle at each step), timed inside the Python process with"
                    + " time.perf_counter() (`--bench`; start-up and pyodide's loading excluded); CPython 3.12 is pyodide"
                    + " (WebAssembly under Node.js), python3 the machine's. random / X = random sched/s / X sched/s.");
        }
        return m;
    }

    private void text(PrintStream out) {
        boolean[] number = new boolean[columns.size()];
        for (int i = 0; i < number.length; i++) number[i] = columns.get(i).number();
        printAligned(out, cells(), number);
    }

    /** Columns two spaces apart, figures right-aligned, text left-aligned. */
    private static void printAligned(PrintStream out, List<String[]> cells, boolean[] number) {
        int[] w = new int[number.length];
        for (String[] line : cells) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], line[i].length());
        for (String[] line : cells) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < w.length; i++) {
                if (i > 0) sb.append("  ");
                String pad = " ".repeat(w[i] - line[i].length());
                sb.append(number[i] ? pad + line[i] : line[i] + (i == w.length - 1 ? "" : pad));
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private void markdown(PrintStream out) {
        List<String[]> cells = cells();
        out.println("| " + String.join(" | ", cells.get(0)) + " |");
        out.println("|" + String.join("|", columns.stream().map(c -> c.number() ? "---:" : "---").toList()) + "|");
        for (String[] line : cells.subList(1, cells.size())) out.println("| " + String.join(" | ", line) + " |");
    }

    /** The header line, then one line per row. */
    private List<String[]> cells() {
        List<String[]> cells = new ArrayList<>();
        cells.add(columns.stream().map(Column::header).toArray(String[]::new));
        for (Row r : rows) cells.add(columns.stream().map(c -> c.cell().apply(r)).toArray(String[]::new));
        return cells;
    }

    private static String count(Long n) {
        return n == null ? "—" : String.format(Locale.ROOT, "%,d", n);
    }

    private static String rate(Double x) {
        return x == null ? "—" : String.format(Locale.ROOT, "%,.0f", x);
    }

    private static String num(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
