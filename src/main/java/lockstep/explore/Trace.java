package lockstep.explore;

import lockstep.explore.Schedule.Decision;
import lockstep.vm.*;
import lockstep.vm.Interp.FutAwait;
import lockstep.vm.Obj.*;
import lockstep.vm.Values.Ref;

import java.io.PrintStream;

/**
 * The step-by-step account of replay --trace: which handle ran, what its task did, which
 * futures the step completed and which tasks that woke, each primitive's state, and each
 * violation once, at the step where it first holds.
 */
final class Trace {
    private final PrintStream out;
    private int step;
    /** The futures (tasks included) pending before the current decision. */
    private final java.util.Set<Integer> pending = new java.util.HashSet<>();

    Trace(PrintStream out) { this.out = out; }

    /** Notes the pending futures before a decision is applied (see {@link #completed}). */
    void before(Machine m) {
        pending.clear();
        for (int id = 1; id < m.heapSize(); id++) {
            Object o = m.get(id);
            if ((o instanceof FutureObj || o instanceof TaskObj) && !m.futDone(id)) pending.add(id);
        }
    }

    void cancel(Machine m, int task) {
        out.println("      inject: " + TaskView.name(m, task) + ".cancel()");
    }

    /** After an injected cancel: the futures it completed. */
    void cancelled(Machine m) { completed(m); }

    void violation(String kind, String message) {
        out.println("      violation: " + kind + ": " + message);
    }

    /** The futures pending before the decision and done now, each with the tasks it wakes (those awaiting it). */
    private void completed(Machine m) {
        for (int id : new java.util.TreeSet<>(pending)) {
            if (!m.futDone(id)) continue;
            StringBuilder sb = new StringBuilder("        completed ");
            sb.append(m.get(id) instanceof TaskObj ? "task " + TaskView.name(m, id) : Py.repr(m, new Ref(id)));
            String woken = "";
            for (int t : m.pendingTasks()) {
                if (TaskView.awaited(m, t) == id) woken += (woken.isEmpty() ? "" : ", ") + TaskView.name(m, t);
            }
            if (!woken.isEmpty()) sb.append(" -> wakes ").append(woken);
            out.println(sb);
        }
        pending.clear();
    }

    void step(Machine m, Machine.Callback ran, Decision d) {
        step++;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%5d [%s] ", step, d)).append(describe(m, ran));
        sb.append("  (t=").append(Py.floatRepr(m.time())).append(')');
        out.println(sb);
        completed(m);
        for (int id = 1; id < m.heapSize(); id++) {
            Object o = m.get(id);
            if (o instanceof LockObj || o instanceof EventObj || o instanceof SemObj || o instanceof BarrierObj
                    || (o instanceof CondObj c && !c.s().waiters().isEmpty())) {
                out.println("        " + Py.repr(m, new Ref(id)));
            }
        }
    }

    private static String describe(Machine m, Machine.Callback cb) {
        Object fn = cb.fn();
        if (fn instanceof Machine.TaskStep ts) return taskStep(m, ts.task(), ts.exc() == null ? "step" : "step throwing " + ts.exc().type.name);
        if (fn instanceof Machine.TaskWakeup tw) return taskStep(m, tw.task(), "wakeup");
        if (fn instanceof Machine.StopLoop) return "loop.stop() (run_until_complete's future is done)";
        return "callback " + Py.repr(m, fn);
    }

    private static String taskStep(Machine m, int task, String what) {
        TaskObj t = m.task(task);
        String after;
        if (t.f().cancelled()) after = "cancelled";
        else if (t.f().done()) after = t.f().exception() != null ? "raised " + Py.repr(m, t.f().exception()) : "returned " + Py.repr(m, t.f().result());
        else if (!t.stack().isEmpty() && t.stack().last() instanceof FutAwait) after = TaskView.describe(m, task).substring(TaskView.name(m, task).length() + 1);
        else after = "yields to the loop" + where(t);
        return TaskView.name(m, task) + " " + what + " -> " + after;
    }

    private static String where(TaskObj t) {
        for (int i = t.stack().size() - 1; i >= 0; i--) {
            if (t.stack().get(i) instanceof Frame f && !f.code.file.equals(Program.PRELUDE_FILE)) {
                return " at " + f.code.name + " " + f.code.file + ":" + f.line();
            }
        }
        return "";
    }
}
