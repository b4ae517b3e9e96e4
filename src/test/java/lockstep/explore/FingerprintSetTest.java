package lockstep.explore;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The visited set keeps each state's sleep set through growth of the table and of the sleep sets' numbers. */
class FingerprintSetTest {

    /** A fingerprint for state {@code k}, spread as real ones are. */
    private static long fp(int k) { return new SplittableRandom(k).nextLong(); }

    /** The sleep set stored with state {@code k} when {@code distinct} sleep sets are in use. */
    private static long[] sleep(int k, int distinct) { return k % distinct == 0 ? new long[0] : new long[] {k % distinct, 1_000_000}; }

    private static void roundTrip(int states, int distinct) {
        FingerprintSet set = new FingerprintSet();
        for (int k = 0; k < states; k++) set.put(fp(k), sleep(k, distinct));
        assertEquals(states, set.size());
        for (int k = 0; k < states; k++) assertArrayEquals(sleep(k, distinct), set.get(fp(k)), "state " + k);
        assertNull(set.get(fp(states)));
    }

    @Test void aFewSleepSetsKeepTheirNumbersInOneByte() {
        roundTrip(5_000, 200);
        FingerprintSet set = new FingerprintSet();
        for (int k = 0; k < 3_000; k++) set.put(fp(k), sleep(k, 200));
        long slots = 4096; // 3,000 states, at most three quarters full
        long sleepSets = 0;
        for (int d = 1; d < 200; d++) sleepSets += 16 + 8 * 2 + 48;
        sleepSets += 16 + 48;
        assertEquals(slots * 9 + sleepSets, set.bytes());
    }

    @Test void moreThan255SleepSetsWidenTheNumbersKeepingThem() { roundTrip(20_000, 3_000); }

    @Test void moreThan65535SleepSetsWidenThemAgain() { roundTrip(150_000, 70_000); }

    /** Issue 9's bound: at most 32 bytes per visited state, on every explore scenario's search with a cancel injected. */
    @Test void theExploreScenariosTakeAtMost32BytesAState() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("model/explore"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                java.util.regex.Matcher steps = java.util.regex.Pattern.compile("(?m)^# explore:.*--max-steps (\\d+)")
                        .matcher(java.nio.file.Files.readString(f));
                int maxSteps = steps.find() ? Integer.parseInt(steps.group(1)) : 10_000; // the scenario's, as the bench runs it
                Explorer.Report r = new Explorer(ExplorerTest.program(f), new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, 1,
                        Long.MAX_VALUE, maxSteps, 120, false, System.err)).explore();
                assertNotNull(r.visited(), f + ": no visited set");
                assertTrue(r.states() >= 100, f + ": " + r.states() + " states");
                assertTrue(r.visited().bytesPerState() <= 32, f + ": " + r.visited().bytesPerState() + " bytes a state");
            }
        }
    }

    @Test void aStateStoredAgainKeepsItsNewSleepSet() {
        FingerprintSet set = new FingerprintSet();
        for (int k = 0; k < 1_000; k++) set.put(fp(k), sleep(k, 500));
        for (int k = 0; k < 1_000; k += 3) set.put(fp(k), new long[0]);
        for (int k = 0; k < 1_000; k++) assertArrayEquals(k % 3 == 0 ? new long[0] : sleep(k, 500), set.get(fp(k)));
        assertEquals(1_000, set.size());
    }
}
