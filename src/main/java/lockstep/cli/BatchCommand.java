package lockstep.cli;

import lockstep.oracle.Batch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code lockstep batch}: JSON-lines requests (run, explore, check-trace) on stdin, one JSON answer line each. */
@Command(name = "batch", mixinStandardHelpOptions = true, description = {
        "Answer JSON-lines requests on stdin in one JVM, one JSON line each (see README):",
        "{\"op\": \"run\"|\"explore\"|\"check-trace\", \"file\": F, ...}."})
public final class BatchCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Override public Integer call() throws IOException {
        Batch.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), main.out);
        return 0;
    }
}
