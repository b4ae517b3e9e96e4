package lockstep.sched;

import lockstep.core.Vec;
import lockstep.vm.*;
import lockstep.vm.Interp.FutAwait;
import lockstep.vm.Obj.*;

/** The deadlock report: each pending task, what it waits on and where. */
final class DeadlockReport {
    private DeadlockReport() {}

    static String describe(Machine m) {
        StringBuilder sb = new StringBuilder("deadlock: no task can make progress\n");
        for (int t : m.pendingTasks()) {
            TaskObj task = m.task(t);
            sb.append(task.t().name()).append(" waits on ").append(waitsOn(m, task)).append(where(task)).append('\n');
        }
        return sb.toString();
    }

    private static String waitsOn(Machine m, TaskObj task) {
        Vec<Object> st = task.stack();
        if (st.isEmpty()) return "nothing (not started)";
        Object top = st.last();
        if (!(top instanceof FutAwait fa)) return "the event loop";
        int fut = fa.fut();
        for (int i = 1; i < m.heapSize(); i++) {
            Object o = m.get(i);
            String kind = null;
            Vec<Integer> waiters = null;
            if (o instanceof LockObj l) { kind = "Lock"; waiters = l.s().waiters(); }
            else if (o instanceof EventObj e) { kind = "Event"; waiters = e.s().waiters(); }
            else if (o instanceof CondObj c) { kind = "Condition"; waiters = c.s().waiters(); }
            else if (o instanceof SemObj s) { kind = s.s().bounded() ? "BoundedSemaphore" : "Semaphore"; waiters = s.s().waiters(); }
            if (waiters != null && waiters.contains(fut)) return Py.repr(m, new lockstep.vm.Values.Ref(i));
        }
        if (m.get(fut) instanceof TaskObj other) return "task " + other.t().name();
        return Py.repr(m, new lockstep.vm.Values.Ref(fut));
    }

    private static String where(TaskObj task) {
        StringBuilder sb = new StringBuilder();
        for (Object f : task.stack()) {
            if (f instanceof Frame fr) {
                if (fr.code.file.equals(Program.PRELUDE_FILE)) continue;
                sb.append(sb.length() == 0 ? " (at " : " -> ").append(fr.code.name).append(' ')
                  .append(fr.code.file).append(':').append(fr.line());
            }
        }
        return sb.length() == 0 ? "" : sb.append(')').toString();
    }
}
