package lockstep.explore;

import lockstep.core.Vec;
import lockstep.vm.Machine;
import lockstep.vm.Obj.*;
import lockstep.vm.Py;
import lockstep.vm.Values.Ref;

/**
 * The invariants checked when nothing is ready to run (quiescence): no lost wakeup. The
 * other invariants (mutual exclusion, FIFO fairness, semaphore bounds, barrier phases,
 * failing asserts) are checked where they can break, by the interpreter's natives, and
 * land in {@link Machine#violations} too.
 */
final class Invariants {
    private Invariants() {}

    /** No waiter stays blocked on a free lock, a semaphore with units, a set event, or after a lost notification. */
    static void atQuiescence(Machine m) {
        for (int id = 1; id < m.heapSize(); id++) {
            Object o = m.get(id);
            if (o instanceof LockObj l && !l.s().locked()) {
                lost(m, id, l.s().waiters(), "a free lock");
            } else if (o instanceof SemObj s && s.s().value() > 0) {
                lost(m, id, s.s().waiters(), "a semaphore with value " + s.s().value());
            } else if (o instanceof EventObj e && e.s().value()) {
                lost(m, id, e.s().waiters(), "a set event");
            } else if (o instanceof CondObj c && c.lostNotifications() > 0) {
                lost(m, id, c.s().waiters(), "a condition whose notification went to a cancelled waiter");
            }
        }
    }

    private static void lost(Machine m, int id, Vec<Integer> waiters, String what) {
        for (int w : waiters) {
            if (!m.futDone(w)) {
                m.violation("lost-wakeup", "a task stays blocked on " + what + ": " + Py.repr(m, new Ref(id)));
                return;
            }
        }
    }
}
