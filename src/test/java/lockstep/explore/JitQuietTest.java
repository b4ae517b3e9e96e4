package lockstep.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link JitQuiet}: a thread that explores parts on the core the compiler needs waits until
 * the compiler was quiet for two windows in a row, once per JVM. Fed a compile time that
 * grows as told, one value per window, and a sleep that returns at once.
 */
class JitQuietTest {

    /** A compiler whose total time (ms) is {@code totals[k]} after window k (then stays at the last). */
    static JitQuiet compiler(long... totals) {
        AtomicInteger window = new AtomicInteger();
        return new JitQuiet(() -> totals[Math.min(window.get(), totals.length - 1)], ms -> {
            window.incrementAndGet();
            return true;
        });
    }

    @Test
    void waitsWhileTheCompilerWorksThenForTwoQuietWindows() {
        // busy (+200 ms a window) for three windows, then quiet
        assertEquals(5, compiler(0, 200, 400, 600, 610, 615).await(() -> false));
    }

    @Test
    void oneQuietWindowBetweenBusyOnesIsNotEnough() {
        // a long compilation ends in no window: quiet once, then busy again
        assertEquals(6, compiler(0, 200, 200, 400, 600, 600, 600).await(() -> false));
    }

    @Test
    void onceQuietNoLaterSearchWaits() {
        JitQuiet jit = compiler(0, 0, 0, 500, 1000, 1500);
        assertEquals(2, jit.await(() -> false));
        assertEquals(0, jit.await(() -> false), "the compiler was seen quiet: no second wait");
    }

    @Test
    void aSearchThatEndsStopsTheWait() {
        AtomicInteger asked = new AtomicInteger();
        assertEquals(3, compiler(0, 200, 400, 600, 800, 1000, 1200).await(() -> asked.incrementAndGet() > 3));
    }

    @Test
    void aCompilerThatNeverQuietsDownIsWaitedForAtMostFifteenSeconds() {
        long[] busy = new long[200];
        for (int i = 0; i < busy.length; i++) busy[i] = 200L * i;
        int windows = compiler(busy).await(() -> false);
        assertEquals(JitQuiet.MAX_WAIT_MS / JitQuiet.WINDOW_MS, windows);
    }

    @Test
    void onlyAThreadThatLeavesTheCompilerNoCoreWaits() {
        assertTrue(JitQuiet.leavesNoCore(1, 2), "2 cores: the search's thread and one more take both");
        assertFalse(JitQuiet.leavesNoCore(1, 4));
        assertFalse(JitQuiet.leavesNoCore(2, 4));
        assertTrue(JitQuiet.leavesNoCore(3, 4));
    }
}
