package lockstep.explore;

import lockstep.core.Barrier;
import lockstep.core.Lock;
import lockstep.core.Semaphore;
import lockstep.core.Vec;
import lockstep.vm.Canon;
import lockstep.vm.Machine;
import lockstep.vm.Obj.*;
import lockstep.vm.Observer;
import lockstep.vm.Py;
import lockstep.vm.Values.Ref;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in invariants of the primitives, checked on a run as it goes: mutual
 * exclusion, FIFO hand-off, semaphore bounds, barrier cycles, failing asserts, and at
 * quiescence no lost wakeup. They listen to the VM through {@link Observer} and keep what
 * they remember of the run (a barrier's current cycle, the notifications lost to cancelled
 * waiters) here, not in the heap; {@link #violations} lists what they found, in order.
 */
final class Monitors implements Observer {

    /** A barrier's current cycle: the indices returned, the tasks inside wait(), those that must fail, whether it was interrupted. */
    private record Cycle(Vec<Long> passed, Vec<Integer> present, Vec<Integer> mustFail, boolean interrupted) {
        static final Cycle NEW = new Cycle(Vec.of(), Vec.of(), Vec.of(), false);
    }

    private final HashMap<Integer, Cycle> cycles;
    /** Per condition: notifications consumed by waiters that were then cancelled. */
    private final HashMap<Integer, Integer> lost;
    /** The breaches seen so far: {kind, message}. */
    final List<String[]> violations;

    Monitors() {
        this(new HashMap<>(), new HashMap<>(), new ArrayList<>());
    }

    private Monitors(HashMap<Integer, Cycle> cycles, HashMap<Integer, Integer> lost, List<String[]> violations) {
        this.cycles = cycles;
        this.lost = lost;
        this.violations = violations;
    }

    @Override public Observer copy() {
        return new Monitors(new HashMap<>(cycles), new HashMap<>(lost), new ArrayList<>(violations));
    }

    /** The monitors of a run (installed by the explorer when the run starts). */
    static Monitors of(Machine m) { return (Monitors) m.observer(); }

    private void violation(String kind, String message) { violations.add(new String[]{kind, message}); }

    // ------------------------------------------------------------------ locks and semaphores

    /** Mutual exclusion: a lock is taken only when free; FIFO: not ahead of an earlier waiter still queued. */
    @Override public void lockTaken(Machine m, int lock, Lock before, int fut) {
        if (before.locked()) violation("mutual-exclusion", taskName(m) + " acquired " + repr(m, lock) + " while another task held it");
        checkFifo(m, lock, before.waiters(), fut);
    }

    /** Semaphore bounds: never negative, never above a bound. */
    @Override public void semaphoreChanged(Machine m, int sem, Semaphore v) {
        if (v.value() < 0) violation("semaphore-bounds", repr(m, sem) + " has value " + v.value());
        if (v.bounded() && v.value() > v.bound()) violation("semaphore-bounds", repr(m, sem) + " is above its bound " + v.bound());
    }

    @Override public void semaphoreResumed(Machine m, int sem, Semaphore s, int fut) { checkFifo(m, sem, s.waiters(), fut); }

    /** FIFO fairness: a waiter resuming must not overtake an earlier arrival still waiting. */
    private void checkFifo(Machine m, int prim, Vec<Integer> waiters, int fut) {
        for (int w : waiters) {
            if (w < fut && !m.futDone(w)) {
                violation("fifo", taskName(m) + " acquired " + repr(m, prim) + " ahead of an earlier waiter still queued");
                return;
            }
        }
    }

    @Override public void notificationLost(Machine m, int cond) { lost.merge(cond, 1, Integer::sum); }

    // ------------------------------------------------------------------ barriers

    @Override public void barrierArrived(Machine m, int barrier) {
        Cycle c = cycle(barrier);
        cycles.put(barrier, new Cycle(c.passed, c.present.append(m.currentTask()), c.mustFail, c.interrupted));
    }

    /** A party returns its index: the barrier must have tripped, the index be new, the party not due to fail. */
    @Override public void barrierPassed(Machine m, int barrier, Barrier s, long index) {
        Cycle c = cycle(barrier);
        String who = taskName(m) + " passed " + repr(m, barrier) + " with index " + index;
        if (s.phase() != Barrier.Phase.DRAINING) violation("barrier", who + " before all parties arrived");
        if (c.passed.contains(index)) violation("barrier", who + " twice in one cycle");
        if (c.mustFail.contains(m.currentTask())) violation("barrier", who + " although the barrier was reset or aborted while it waited");
        cycles.put(barrier, new Cycle(c.passed.append(index), c.present, c.mustFail, c.interrupted));
    }

    /** A party leaves; when the last one leaves a drained barrier, the cycle must have returned every index once. */
    @Override public void barrierLeft(Machine m, int barrier, Barrier before, Barrier after) {
        Cycle c = cycle(barrier);
        Integer me = m.currentTask();
        c = new Cycle(c.passed, c.present.remove(me), c.mustFail.remove(me), c.interrupted);
        if (after.count() == 0 && before.count() > 0 && after.phase() == Barrier.Phase.FILLING
                && before.phase() != Barrier.Phase.FILLING) {
            if (!c.interrupted && c.passed.size() != after.parties()) {
                violation("barrier", "a cycle of " + repr(m, barrier) + " returned indices " + c.passed
                        + " instead of each of 0.." + (after.parties() - 1) + " once");
            }
            c = new Cycle(Vec.of(), c.present, c.mustFail, false);
        }
        cycles.put(barrier, c);
    }

    @Override public void barrierInterrupted(Machine m, int barrier) {
        Cycle c = cycle(barrier);
        cycles.put(barrier, new Cycle(c.passed, c.present, c.present, true));
    }

    private Cycle cycle(int barrier) { return cycles.getOrDefault(barrier, Cycle.NEW); }

    @Override public void assertFailed(Machine m, String where) { violation("assert", where); }

    // ------------------------------------------------------------------ quiescence

    /** No waiter stays blocked on a free lock, a semaphore with units, a set event, or after a lost notification. */
    void atQuiescence(Machine m) {
        for (int id = 1; id < m.heapSize(); id++) {
            Object o = m.get(id);
            if (o instanceof LockObj l && !l.s().locked()) {
                blocked(m, id, l.s().waiters(), "a free lock");
            } else if (o instanceof SemObj s && s.s().value() > 0) {
                blocked(m, id, s.s().waiters(), "a semaphore with value " + s.s().value());
            } else if (o instanceof EventObj e && e.s().value()) {
                blocked(m, id, e.s().waiters(), "a set event");
            } else if (o instanceof CondObj c && lost.getOrDefault(id, 0) > 0) {
                blocked(m, id, c.s().waiters(), "a condition whose notification went to a cancelled waiter");
            }
        }
    }

    private void blocked(Machine m, int id, Vec<Integer> waiters, String what) {
        for (int w : waiters) {
            if (!m.futDone(w)) {
                violation("lost-wakeup", "a task stays blocked on " + what + ": " + repr(m, id));
                return;
            }
        }
    }

    // ------------------------------------------------------------------ state

    /** The cycles and lost notifications of the objects still reachable, in canonical order. */
    @Override public void fingerprint(Canon canon) {
        List<long[]> entries = new ArrayList<>();
        for (Map.Entry<Integer, Cycle> e : cycles.entrySet()) {
            int n = canon.number(e.getKey());
            if (n == 0) continue;
            Cycle c = e.getValue();
            long[] t = new long[4 + c.passed.size() + c.present.size() + c.mustFail.size()];
            int k = 0;
            t[k++] = n;
            t[k++] = c.interrupted ? 1 : 0;
            t[k++] = c.passed.size();
            for (long i : c.passed) t[k++] = i;
            t[k++] = c.present.size();
            for (int task : c.present) t[k++] = canon.number(task);
            for (int task : c.mustFail) t[k++] = -canon.number(task);
            entries.add(t);
        }
        for (Map.Entry<Integer, Integer> e : lost.entrySet()) {
            int n = canon.number(e.getKey());
            if (n != 0) entries.add(new long[]{-n, e.getValue()});
        }
        entries.sort((a, b) -> Long.compare(a[0], b[0]));
        canon.token(entries.size());
        for (long[] t : entries) {
            canon.token(t.length);
            for (long x : t) canon.token(x);
        }
    }

    private static String taskName(Machine m) {
        return m.currentTask() < 0 ? "a callback" : m.task(m.currentTask()).t().name();
    }

    private static String repr(Machine m, int id) { return Py.repr(m, new Ref(id)); }
}
