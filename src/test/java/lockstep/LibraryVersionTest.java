package lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library API under another CPython: {@code Exploration.Options.withPython} and {@code Lockstep.replay(..., python)}. */
class LibraryVersionTest {

    static final Path LOST_WAKEUP = Path.of("model", "invariants", "01_fire_lost_notify_gh112202.py");

    /** gh-112202: the notification taken by a cancelled waiter is lost in 3.12 and passed on in 3.13. */
    @Test
    void theLostNotificationIsGoneIn313() throws Exception {
        Exploration.Options o = Exploration.Options.defaults().withCancels(1);
        List<String> kinds312 = Lockstep.explore(LOST_WAKEUP, o).violations().stream().map(Exploration.Violation::kind).toList();
        List<String> kinds313 = Lockstep.explore(LOST_WAKEUP, o.withPython("3.13")).violations().stream()
                .map(Exploration.Violation::kind).toList();
        assertTrue(kinds312.contains("lost-wakeup"), kinds312.toString());
        assertTrue(!kinds313.contains("lost-wakeup"), kinds313.toString());
    }

    @Test
    void aVersionIsNamedInTheReplayCommandAndChecked() throws Exception {
        Exploration.Replayed r = Lockstep.replay(LOST_WAKEUP, "", "3.10");
        assertEquals(0, r.exitCode(), r.stderr());
        assertThrows(IllegalArgumentException.class, () -> Exploration.Options.defaults().withPython("3.9"));
        Exploration.Refused e = assertThrows(Exploration.Refused.class, () -> Lockstep.replay(LOST_WAKEUP, "", "2.7"));
        assertTrue(e.getMessage().contains("must be one of 3.10, 3.11, 3.12, 3.13, 3.14"), e.getMessage());
        Exploration.Report rep = Lockstep.explore(LOST_WAKEUP, Exploration.Options.defaults().withCancels(1).withPython("3.11"));
        assertTrue(rep.violations().stream().allMatch(v -> v.replayCommand().endsWith(" --python 3.11")), rep.violations().toString());
    }
}
