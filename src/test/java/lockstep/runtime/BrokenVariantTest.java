package lockstep.runtime;

import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Lincheck must report the deliberately broken {@link NonAtomic} lock; otherwise the other tests prove nothing. */
class BrokenVariantTest {

    /** The Lock test's operations and checks over the broken lock (not a test of its own). */
    public static class BrokenLock extends LockLincheckTest {
        @Override Lock newLock() { return NonAtomic.lock(); }
    }

    @Test void modelCheckingReportsTheNonAtomicLock() {
        AssertionError e = assertThrows(AssertionError.class, () -> LinChecker.check(BrokenLock.class,
                Lincheck.modelChecking(List.of()).sequentialSpecification(LockLincheckTest.class).minimizeFailedScenario(false)));
        String report = e.getMessage();
        assertTrue(report.contains("Invalid execution results") || report.contains("Validation function"),
                "Lincheck found the broken lock, but not as a linearizability or invariant failure:\n" + report);
    }
}
