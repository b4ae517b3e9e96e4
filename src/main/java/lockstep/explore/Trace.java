package lockstep.explore;

import lockstep.explore.Schedule.Decision;
import lockstep.vm.*;
import lockstep.vm.Interp.FutAwait;
import lockstep.vm.Obj.*;
import lockstep.vm.Values.Ref;

import java.io.PrintStream;

/** The step-by-step account of replay --trace: which handle ran, what its task did, each primitive's state. */
final class Trace {
    private final PrintStream out;
    private int step;

    Trace(PrintStream out) { this.out = out; }

    void cancel(Machine m, int task) {
        out.println("      inject: " + m.task(task).t().name() + ".cancel()");
    }

    void step(Machine m, Machine.Callback ran, Decision d) {
        step++;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%5d [%s] ", step, d)).append(describe(m, ran));
        sb.append("  (t=").append(Py.floatRepr(m.time())).append(')');
        out.println(sb);
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
        else if (!t.stack().isEmpty() && t.stack().last() instanceof FutAwait fa) after = "waits on " + waitedBy(m, fa.fut()) + where(t);
        else after = "yields to the loop" + where(t);
        return t.t().name() + " " + what + " -> " + after;
    }

    private static String waitedBy(Machine m, int fut) {
        if (m.get(fut) instanceof TaskObj other) return "task " + other.t().name();
        for (int id = 1; id < m.heapSize(); id++) {
            Object o = m.get(id);
            if (o instanceof LockObj l && l.s().waiters().contains(fut)) return "Lock#" + id;
            if (o instanceof EventObj e && e.s().waiters().contains(fut)) return "Event#" + id;
            if (o instanceof CondObj c && c.s().waiters().contains(fut)) return "Condition#" + id;
            if (o instanceof SemObj s && s.s().waiters().contains(fut)) return "Semaphore#" + id;
        }
        return "future#" + fut;
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
