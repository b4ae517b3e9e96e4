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
}
