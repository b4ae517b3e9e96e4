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

    /**
     * A part of a search on another thread keeps its own set, added to the search's when it is
     * done: the result is the set that saw every put, in figures too (states, bytes, the
     * sleep sets interned, also those a later put replaced, and the width of their numbers).
     */
    @Test void aSetAbsorbedIsTheSetThatSawEveryPut() {
        FingerprintSet one = new FingerprintSet();
        FingerprintSet search = new FingerprintSet();
        FingerprintSet part = new FingerprintSet();
        for (int k = 0; k < 20_000; k++) {
            long[] s = sleep(k, 600);
            one.put(fp(k), s);
            (k % 3 == 0 ? search : part).put(fp(k), s);
        }
        for (int k = 0; k < 20_000; k += 7) { // states of the search that the part explored again with less asleep
            one.put(fp(k), new long[0]);
            part.put(fp(k), new long[0]);
        }
        part.put(fp(30_000), new long[] {42}); // a sleep set only the part interned, replaced at once
        part.put(fp(30_000), new long[0]);
        one.put(fp(30_000), new long[] {42});
        one.put(fp(30_000), new long[0]);
        search.absorb(part);
        assertEquals(one.size(), search.size());
        assertEquals(one.bytes(), search.bytes());
        for (int k = 0; k < 20_000; k++) assertArrayEquals(one.get(fp(k)), search.get(fp(k)), "state " + k);
    }

    /**
     * A part's set, larger than the search's, is added without piling its states into one run
     * of the table: read in its slot order, its keys would come sorted by their home slots and
     * each would probe past all those before it (billions of probes for a part of a million
     * states, measured in a search on 2 threads; 300 million here).
     */
    @Test void aLargerSetIsAbsorbedWithoutLongRuns() {
        FingerprintSet search = new FingerprintSet();
        FingerprintSet part = new FingerprintSet();
        int n = 300_000, had = 24_000; // the search's table three quarters full, the part's 16 times larger
        for (int k = 0; k < n; k++) part.put(fp(k), sleep(k, 50));
        for (int k = 0; k < had; k++) search.put(fp(-1 - k), new long[0]);
        search.absorb(part);
        assertEquals(n + had, search.size());
        for (int k = 0; k < n; k += 97) assertArrayEquals(sleep(k, 50), search.get(fp(k)), "state " + k);
        // linear probing at most three quarters full passes a few slots per key on average
        assertTrue(search.absorbProbes() < 5L * n, search.absorbProbes() + " slots passed for " + n + " states");
    }
}
