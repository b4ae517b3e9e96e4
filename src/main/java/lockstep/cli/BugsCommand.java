package lockstep.cli;

import lockstep.bugs.BugCatalogue;
import lockstep.bugs.BugTable;
import lockstep.core.PyVersion;
import lockstep.lang.ScenarioError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code lockstep bugs [DIR]}: explores every scenario of the bug catalogue on every
 * version and prints the bug × version table ({@link BugTable}); exit 0 when every cell
 * is what the scenarios' headers say, 1 when one is not, 2 when the catalogue cannot be read.
 */
@Command(name = "bugs", mixinStandardHelpOptions = true, description = {
        "Explore each known-bug scenario of DIR (default model/bugs) on every CPython version of the contract;",
        "print the bug x version table (Markdown), or one JSON line per bug and version with --json."})
final class BugsCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Parameters(paramLabel = "DIR", arity = "0..1", description = "the catalogue (default: model/bugs)") Path dir = Path.of("model", "bugs");
    @Option(names = "--json", description = "one JSON line per bug and version, with the schedules reported") boolean json;

    @Override public Integer call() throws IOException {
        List<BugCatalogue.Bug> bugs;
        try {
            bugs = BugCatalogue.read(dir);
        } catch (BugCatalogue.BadHeader e) {
            main.err.println("lockstep: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            main.err.println("lockstep: " + dir + ": cannot read the catalogue: " + e.getMessage());
            return 2;
        }
        List<BugCatalogue.Finding> findings = new ArrayList<>();
        for (BugCatalogue.Bug b : bugs) {
            for (PyVersion v : PyVersion.values()) {
                try {
                    findings.add(BugCatalogue.find(b, v));
                } catch (ScenarioError e) {
                    main.err.println(e.getMessage());
                    return 2;
                }
                if (json) main.out.println(BugTable.jsonLine(findings.get(findings.size() - 1)));
            }
        }
        if (!json) main.out.print(BugTable.markdown(bugs, findings));
        main.out.flush();
        return findings.stream().allMatch(BugCatalogue.Finding::asExpected) ? 0 : 1;
    }
}
