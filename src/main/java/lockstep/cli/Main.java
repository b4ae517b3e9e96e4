package lockstep.cli;

import lockstep.Lockstep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The command line: {@code lockstep run FILE}. Thin: parsing arguments and printing results. */
@Command(name = "lockstep", mixinStandardHelpOptions = true, version = "lockstep 0.1",
        description = "Deterministic model of asyncio's synchronization primitives (CPython 3.12).",
        subcommands = {Main.Run.class})
public final class Main implements Callable<Integer> {

    static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    static final PrintStream ERR = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);

    @Override public Integer call() {
        new CommandLine(this).usage(ERR);
        return 2;
    }

    @Command(name = "run", description = "Run FILE with CPython's schedule; print what python3.12 FILE prints.")
    static final class Run implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "a scenario: a plain Python asyncio program")
        Path file;

        @Override public Integer call() {
            String source = readOrNull(file);
            if (source == null) return 2;
            Lockstep.RunResult r = Lockstep.run(file.toString(), source);
            OUT.print(r.stdout());
            OUT.flush();
            ERR.print(r.stderr());
            ERR.flush();
            return r.exitCode();
        }
    }

    static String readOrNull(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            ERR.println(file + ":1:1: error: file is not UTF-8 text");
            return null;
        } catch (IOException e) {
            ERR.println(file + ":1:1: error: cannot read file (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setErr(new java.io.PrintWriter(ERR, true));
        cl.setOut(new java.io.PrintWriter(OUT, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            ERR.println("lockstep: " + ex.getMessage());
            ex.getCommandLine().usage(ERR);
            return 2;
        });
        System.exit(cl.execute(args));
    }
}
