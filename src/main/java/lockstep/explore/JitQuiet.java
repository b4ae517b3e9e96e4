package lockstep.explore;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Waits until the JIT compiler has done its first work. In a fresh JVM the compiler is busy
 * for the first seconds of a search (about 5 s of compilation for {@code model/bench/01
 * --cancel 3}, on a core of its own), and a thread that explores parts on the core the
 * compiler needs keeps the search's code slow for longer: from the command line, a search of
 * under ten seconds took longer on two threads than on one. So such a thread offers itself
 * only once the compiler was quiet for {@link #QUIET_WINDOWS} windows in a row; once it was,
 * in this JVM, no later search waits. This decides only when parts start, which never changes
 * what a search reports.
 */
final class JitQuiet {
    /** How long the compiler is watched at a time. */
    static final long WINDOW_MS = 200;
    /** Quiet: it compiled for at most this share of a window (its time counts compilations as they end). */
    static final double QUIET_SHARE = 0.2;
    /** Windows in a row that must be quiet (one long compilation can leave a window without an end). */
    static final int QUIET_WINDOWS = 2;
    /** No wait lasts longer than this (a compiler that never quiets down). */
    static final long MAX_WAIT_MS = 15_000;

    /** The JVM's compiler, null when its time cannot be read. */
    private static final JitQuiet JVM = ofJvm();

    private final LongSupplier compileMillis;
    private final Sleeper sleeper;
    private volatile boolean seenQuiet;

    /** Sleeps one window; false when interrupted. */
    interface Sleeper {
        boolean sleep(long millis);
    }

    JitQuiet(LongSupplier compileMillis, Sleeper sleeper) {
        this.compileMillis = compileMillis;
        this.sleeper = sleeper;
    }

    private static JitQuiet ofJvm() {
        CompilationMXBean jit;
        try {
            jit = ManagementFactory.getCompilationMXBean();
        } catch (LinkageError noManagement) { // a runtime without java.management: no wait
            return null;
        }
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) return null;
        return new JitQuiet(jit::getTotalCompilationTime, ms -> {
            try {
                Thread.sleep(ms);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /**
     * Whether thread {@code worker} (1 for the first thread beside the search's) would leave
     * the compiler no core: the search's thread and the workers up to it take every core.
     */
    static boolean leavesNoCore(int worker, int cores) { return worker + 1 >= cores; }

    /** From now on no search of this JVM waits (for tests that need parts at once). */
    static void assumeQuiet() {
        if (JVM != null) JVM.seenQuiet = true;
    }

    /** Waits for the JVM's compiler (see the class comment); at once when its time cannot be read. */
    static void awaitJvm(BooleanSupplier stop) {
        if (JVM != null) JVM.await(stop);
    }

    /**
     * Returns once the compiler was quiet for {@link #QUIET_WINDOWS} windows in a row (or was
     * before), {@code stop} holds, or {@link #MAX_WAIT_MS} passed: the windows it watched.
     */
    int await(BooleanSupplier stop) {
        int windows = 0, quiet = 0;
        long before = compileMillis.getAsLong();
        while (!seenQuiet && !stop.getAsBoolean() && windows * WINDOW_MS < MAX_WAIT_MS) {
            if (!sleeper.sleep(WINDOW_MS)) break;
            windows++;
            long now = compileMillis.getAsLong();
            quiet = now - before <= WINDOW_MS * QUIET_SHARE ? quiet + 1 : 0;
            before = now;
            if (quiet == QUIET_WINDOWS) seenQuiet = true;
        }
        return windows;
    }
}
