package lockstep.cli;

import lockstep.bench.Bench;
import lockstep.vm.Program;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lockstep bench [FILE...]}: lockstep's and CPython's speed on the same scenarios, one table (see {@link Bench}). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
        "Measure exhaustive search, FIFO runs and random search, and CPython's own shuffled runs, on the same scenarios;",
        "print one table with the machine it ran on. Figures are printed, never checked. Run it from the repository root."})
public final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "scenarios (default: model/explore/*.py and model/bench/*.py)")
    List<Path> files = new ArrayList<>();
    @Option(names = "--cancel", split = ",", paramLabel = "K", description = "the cancel bounds, one row each (default: 0,1)")
    List<Integer> cancels = new ArrayList<>(List.of(0, 1));
    @Option(names = "--quick", description = "small sizes and a 2 s default time limit (a smoke test)") boolean quick;
    @Option(names = "--time-limit", paramLabel = "S", description = "seconds per cell (default: 60, 2 with --quick)") Double timeLimit;
    @Option(names = "--markdown", description = "print a Markdown table") boolean markdown;
    @Option(names = "--no-cpython", description = "skip the CPython columns") boolean noCpython;
    @Option(names = "--note", paramLabel = "TEXT", description = "a line printed above the table (e.g. how busy the machine was)") String note;
    @Option(names = "--model", paramLabel = "DIR", description = "the model directory (default: model)") Path model = Path.of("model");
    @Option(names = "--threads-case", paramLabel = "FILE:K", description = {
            "time this exhaustive search (--cancel K) with 1 and 2 threads (and every core if more), each one given;",
            "default, when no FILE is given and not --quick: MODEL/" + Bench.THREADS_CASE_02 + " and MODEL/" + Bench.THREADS_CASE_01})
    List<String> threadsCases;
    @Option(names = "--no-threads", description = "skip the threads case") boolean noThreads;

    @picocli.CommandLine.ParentCommand Main main;
    PrintStream out;
    PrintStream err;

    @Override public Integer call() {
        out = main.out;
        err = main.err;
        Bench.Sizes sizes = quick ? Bench.Sizes.QUICK : Bench.Sizes.FULL;
        double limit = timeLimit != null ? timeLimit : sizes.defaultTimeLimit();
        if (!(limit > 0) || cancels.isEmpty() || cancels.stream().anyMatch(k -> k < 0)) {
            err.println("lockstep: --time-limit must be > 0 and --cancel a list of integers >= 0");
            return 2;
        }
        List<Bench.Scenario> scenarios = scenarios();
        if (scenarios == null) return 2;
        List<String> specs = noThreads ? List.of() : threadsCases != null ? threadsCases
                : files.isEmpty() && !quick ? Bench.DEFAULT_THREADS_CASES.stream().map(c -> model.resolve(c).toString()).toList() : List.of();
        List<Bench.ThreadsCase> threads = new java.util.ArrayList<>();
        for (String spec : specs) {
            Bench.ThreadsCase t = threadsCase(spec);
            if (t == null) return 2;
            threads.add(t);
        }
        Bench.run(new Bench.Config(scenarios, List.copyOf(cancels), sizes, limit, markdown, !noCpython, model.resolve("cpython"), note,
                threads), out, err);
        return 0;
    }

    /** {@code FILE:K} compiled, or null (with the reason on stderr). */
    private Bench.ThreadsCase threadsCase(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0 || !spec.substring(colon + 1).matches("\\d{1,3}")) {
            err.println("lockstep: --threads-case must be FILE:K (K the cancel bound, e.g. model/" + Bench.DEFAULT_THREADS_CASES.get(0) + "), not: " + spec);
            return null;
        }
        Path f = Path.of(spec.substring(0, colon));
        Program p = main.compileOrNull(f);
        if (p == null) return null;
        return new Bench.ThreadsCase(Bench.Scenario.of(f, main.readSourceOrNull(f), p), Integer.parseInt(spec.substring(colon + 1)));
    }

    /** The scenarios compiled, or null (with the reason on stderr) when one cannot run. */
    private List<Bench.Scenario> scenarios() {
        List<Path> paths = files;
        if (paths.isEmpty()) {
            try {
                paths = Bench.defaultFiles(model);
            } catch (IOException e) {
                paths = List.of();
            }
            if (paths.isEmpty()) {
                err.println("lockstep: no scenarios in " + model + "/explore or " + model + "/bench (run from the repository root, or give FILEs)");
                return null;
            }
        }
        List<Bench.Scenario> out = new ArrayList<>();
        for (Path f : paths) {
            Program p = main.compileOrNull(f);
            if (p == null) return null;
            out.add(Bench.Scenario.of(f, main.readSourceOrNull(f), p));
        }
        return out;
    }
}
