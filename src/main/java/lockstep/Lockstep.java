package lockstep;

import lockstep.core.PyVersion;
import lockstep.lang.InputFile;
import lockstep.lang.ScenarioError;
import lockstep.sched.Runner;
import lockstep.vm.Program;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** The library's front door: run a scenario file on the model, as {@code lockstep run} does. */
public final class Lockstep {
    private Lockstep() {}

    /** What one run printed and how it ended (exit code as in the contract: 0, 1, 2, 3). */
    public record RunResult(String stdout, String stderr, int exitCode) {}

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]+");

    /** Replaces every {@code 0x<hex>} address by {@code 0x?}, as the contract compares output. */
    public static String maskAddresses(String text) {
        return ADDRESS.matcher(text).replaceAll("0x?");
    }

    /** Runs a scenario file with CPython's FIFO schedule (read as {@link InputFile#readSource} reads it). */
    public static RunResult run(Path file) throws IOException {
        String source = InputFile.readSource(file);
        return run(file.toString(), source);
    }

    /** The most handles one run may execute before it is stopped with exit code 4. */
    public static final long MAX_HANDLES = 1_000_000;

    /** Runs scenario source text as CPython 3.12 does; {@code file} is the name used in messages. */
    public static RunResult run(String file, String source) {
        return run(file, source, PyVersion.DEFAULT);
    }

    /** Runs scenario source text as CPython {@code version} does. */
    public static RunResult run(String file, String source, PyVersion version) {
        Program program;
        try {
            program = Program.compile(file, source, version);
        } catch (ScenarioError e) {
            return new RunResult("", e.getMessage() + "\n", 2);
        }
        Runner.Result r = Runner.run(program, Runner.Chooser.FIFO, MAX_HANDLES);
        return new RunResult(r.stdout(), r.stderr(), r.exit());
    }
}
