package lockstep.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import lockstep.explore.Explorer;
import lockstep.sched.Runner;
import lockstep.vm.Program;

/**
 * Figures for the explorer, printed (not asserted): steps per second of plain runs and
 * of exhaustive exploration, and how many schedules and states partial-order reduction
 * and state caching save on the scenarios of {@code model/explore/}.
 * <pre>
 *   mvn -q -B package -DskipTests &amp;&amp; mvn -q -B test-compile
 *   java -cp target/lockstep.jar:target/test-classes lockstep.bench.ExploreBench [SECONDS]
 * </pre>
 * One thread; every configuration runs once to warm up, then is measured.
 */
public final class ExploreBench {

    public static void main(String[] args) throws Exception {
        double budget = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        System.out.printf(Locale.ROOT, "java %s, %s%n", System.getProperty("java.version"), System.getProperty("os.arch"));
        fifo("model/explore/02_lock_three_tasks.py", budget / 4);
        fifo("model/scenarios/014_lock_cancelled_waiter_passes_lock_on.py", budget / 4);
        System.out.printf("%n%-32s %-22s %9s %9s %10s %8s %11s %s%n", "scenario", "exhaustive", "schedules", "states",
                "steps", "seconds", "steps/s", "complete");
        for (String f : new String[]{"02_lock_three_tasks", "05_semaphore_four_tasks", "06_four_independent_tasks"}) {
            int cancels = f.startsWith("05") ? 1 : 0;
            for (boolean[] rc : new boolean[][]{{true, true}, {false, true}, {true, false}, {false, false}}) {
                explore("model/explore/" + f + ".py", cancels, rc[0], rc[1], budget);
            }
        }
    }

    static Program program(String f) throws Exception {
        return Program.compile(f, Files.readString(Path.of(f)));
    }

    /** CPython's own order, run again and again: the interpreter's speed without exploration. */
    static void fifo(String f, double seconds) throws Exception {
        Program p = program(f);
        long w = System.nanoTime();
        while (System.nanoTime() - w < 3e9) Runner.run(p, Runner.Chooser.FIFO, 1_000_000); // let the JIT settle
        long steps = 0, runs = 0, t0 = System.nanoTime();
        while (System.nanoTime() - t0 < seconds * 1e9) {
            steps += Runner.run(p, Runner.Chooser.FIFO, 1_000_000).steps();
            runs++;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "run %-50s %8d runs %10.0f steps/s %8.1f us/run%n", f, runs, steps / s, s / runs * 1e6);
    }

    static void explore(String f, int cancels, boolean reduce, boolean cache, double seconds) throws Exception {
        Program p = program(f);
        Explorer.Options o = new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, cancels, 2_000_000, 10_000, seconds,
                false, System.err, reduce, cache);
        new Explorer(p, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, cancels, 2_000, 10_000, seconds, false,
                System.err, reduce, cache)).explore();
        long t0 = System.nanoTime();
        Explorer.Report r = new Explorer(p, o).explore();
        double s = (System.nanoTime() - t0) / 1e9;
        String name = Path.of(f).getFileName().toString().replace(".py", "") + (cancels > 0 ? " c" + cancels : "");
        String conf = (reduce ? "sleep-sets" : "no-reduction") + (cache ? "+cache" : "");
        System.out.printf(Locale.ROOT, "%-32s %-22s %9d %9d %10d %8.2f %11.0f %s%n", name, conf, r.schedules(), r.states(),
                r.steps(), s, r.steps() / s, r.complete() ? "yes" : "no (" + r.bound() + ")");
    }
}
