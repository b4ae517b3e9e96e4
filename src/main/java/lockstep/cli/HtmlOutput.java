package lockstep.cli;

import lockstep.explore.Explorer;
import lockstep.explore.Schedule;
import lockstep.html.Pages;
import lockstep.vm.Program;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code --html} of replay and explore: writes the pages; a file that cannot be written is one {@code lockstep: --html ...} line. */
final class HtmlOutput {
    private HtmlOutput() {}

    /** Writes the page of {@code file} under {@code schedule} (which fits: replay checked it) to {@code out}; false after an error line. */
    static boolean replay(Main main, Path file, Program p, List<Schedule.Decision> schedule, Path out, int maxSteps) {
        try {
            String page = Pages.replay(p, main.readSourceOrNull(file), schedule, maxSteps);
            Files.writeString(out, page, StandardCharsets.UTF_8);
            return true;
        } catch (Pages.Misfit e) {
            main.err.println("lockstep: the schedule does not fit " + file + ": " + e.getMessage());
            return false;
        } catch (IOException e) {
            return failed(main, out, e);
        }
    }

    /** Writes an exploration's pages into {@code dir} and names its index on stderr; false after an error line. */
    static boolean explore(Main main, Path file, Program p, Explorer.Report r, Path dir, int maxSteps) {
        try {
            List<Path> written = Pages.explore(p, main.readSourceOrNull(file), r, dir, maxSteps);
            main.err.println("explore: " + written.size() + " pages written, open " + written.get(written.size() - 1));
            return true;
        } catch (IOException e) {
            return failed(main, dir, e);
        }
    }

    private static boolean failed(Main main, Path where, IOException e) {
        main.err.println("lockstep: --html " + where + ": cannot write: " + why(e));
        return false;
    }

    /** Why a file could not be written, in words (the JDK's message is often only the path). */
    private static String why(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such directory";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file is in the way";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }
}
