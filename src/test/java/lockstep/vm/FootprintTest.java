package lockstep.vm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The conflict rule of footprints, counters (gather's count of children done) included. */
class FootprintTest {

    private static Footprint adds(long id, long from, long limit) {
        Footprint f = new Footprint();
        f.addedOne(id, from, limit);
        return f;
    }

    @Test
    void readsDoNotConflictWritesDo() {
        Footprint r = new Footprint(), w = new Footprint(), other = new Footprint();
        r.read(7);
        w.write(7);
        other.write(8);
        assertFalse(r.conflicts(r));
        assertTrue(r.conflicts(w));
        assertTrue(w.conflicts(r));
        assertTrue(w.conflicts(w));
        assertFalse(w.conflicts(other));
    }

    /** Two children done from one state, a third still running: either order leaves the count at 2 of 3. */
    @Test
    void addingOneTwiceBelowTheLimitCommutes() {
        assertFalse(adds(5, 0, 3).conflicts(adds(5, 0, 3)));
        assertFalse(adds(5, 1, 9).conflicts(adds(6, 4, 5)), "two gathers");
    }

    /** The second to add would reach the limit: which one that is depends on the order. */
    @Test
    void addingOneUpToTheLimitConflicts() {
        assertTrue(adds(5, 0, 2).conflicts(adds(5, 0, 2)));
        assertTrue(adds(5, 1, 3).conflicts(adds(5, 1, 3)));
    }

    /** Counts recorded in different states (a move asleep since an earlier one): not known to commute. */
    @Test
    void addingOneFromOtherCountsConflicts() {
        assertTrue(adds(5, 0, 9).conflicts(adds(5, 1, 9)));
    }

    private static Footprint joins(long id) {
        Footprint f = new Footprint();
        f.joined(id);
        return f;
    }

    /** Two tasks that start waiting on one Event, and one that stops: any order leaves the same set of waiters. */
    @Test
    void joiningAnEventsWaitersCommutesWithJoiningAndLeaving() {
        assertFalse(joins(3).conflicts(joins(3)));
        assertFalse(joins(3).conflicts(removes(3, 18)));
        assertFalse(removes(3, 18).conflicts(joins(3)));
        assertTrue(joins(3).conflicts(adds(3, 0, 9)), "another kind of change");
        Footprint r = new Footprint(), w = new Footprint();
        r.read(3);
        w.write(3);
        assertTrue(joins(3).conflicts(r), "a step that saw the flag up");
        assertTrue(w.conflicts(joins(3)), "set() or clear()");
        assertFalse(joins(3).conflicts(joins(4)), "two events");
    }

    private static Footprint removes(long id, long element) {
        Footprint f = new Footprint();
        f.removed(id, element);
        return f;
    }

    /** Two waiters leaving one queue: either order leaves the same queue. */
    @Test
    void removingTwoWaitersCommutesRemovingOneTwiceDoesNot() {
        assertFalse(removes(3, 18).conflicts(removes(3, 20)));
        assertTrue(removes(3, 18).conflicts(removes(3, 18)));
        assertTrue(removes(3, 18).conflicts(adds(3, 0, 9)), "two kinds of change");
        Footprint r = new Footprint();
        r.read(3);
        assertTrue(removes(3, 18).conflicts(r), "a step that reads the queue");
        assertTrue(r.conflicts(removes(3, 18)));
    }

    @Test
    void anyOtherAccessToTheCounterConflicts() {
        Footprint r = new Footprint();
        r.read(5);
        Footprint w = new Footprint();
        w.write(5);
        assertTrue(adds(5, 0, 9).conflicts(r));
        assertTrue(r.conflicts(adds(5, 0, 9)));
        assertTrue(w.conflicts(adds(5, 0, 9)));
        Footprint elsewhere = new Footprint();
        elsewhere.write(6);
        assertFalse(adds(5, 0, 9).conflicts(elsewhere));
    }

    /**
     * Footprints of many locations, most sharing a bit of the summary ({@code readBits},
     * {@code writeBits}) with others: the conflict rule is the one of the lists, each location
     * listed once however often it was touched.
     */
    @Test
    void summaryBitsNeverHideAConflictNorListALocationTwice() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        long[] places = new long[300];
        for (int i = 0; i < places.length; i++) {
            places[i] = switch (i % 3) {
                case 0 -> i;
                case 1 -> Footprint.global(1 + i % 5, i);
                default -> -1 - i % 5;
            };
        }
        for (int trial = 0; trial < 2000; trial++) {
            Footprint[] fp = new Footprint[2];
            java.util.Set<Long>[] reads = new java.util.Set[2], writes = new java.util.Set[2];
            for (int k = 0; k < 2; k++) {
                fp[k] = new Footprint();
                reads[k] = new java.util.LinkedHashSet<>();
                writes[k] = new java.util.LinkedHashSet<>();
                int n = rnd.nextInt(12);
                for (int j = 0; j < n; j++) {
                    long loc = places[rnd.nextInt(places.length)];
                    if (rnd.nextBoolean()) { fp[k].read(loc); reads[k].add(loc); }
                    else { fp[k].write(loc); writes[k].add(loc); }
                }
                assertEquals("reads " + reads[k] + " writes " + writes[k], fp[k].toString());
            }
            boolean expected = !java.util.Collections.disjoint(writes[0], writes[1]) || !java.util.Collections.disjoint(writes[0], reads[1])
                    || !java.util.Collections.disjoint(reads[0], writes[1]);
            assertEquals(expected, fp[0].conflicts(fp[1]), "trial " + trial + ": " + fp[0] + " / " + fp[1]);
            assertEquals(expected, fp[1].conflicts(fp[0]));
        }
    }
}
