package lockstep.oracle;

import lockstep.vm.AsyncioApi;
import lockstep.vm.Machine;
import lockstep.vm.Program;
import lockstep.vm.Py;
import lockstep.vm.Values.BoundMethod;
import lockstep.vm.Values.Builtin;
import lockstep.vm.Values.Func;

import java.util.Set;

/**
 * What a ready handle IS, in the terms of a trace line (independent of where it sits in
 * the ready queue): the step or the wakeup of a task (by name), run_until_complete's
 * stop callback, a callback of the scenario (a function it defines, a method of a
 * Future, Task or primitive, a builtin; by name), or an internal handle of asyncio
 * (sleep's timer, timeouts, gather and shield bookkeeping). lockstep_cpython.py's
 * {@code describe_handle} classifies CPython's handles the same way.
 *
 * @param kind {@code task-step}, {@code task-wakeup}, {@code stop}, {@code callback} or {@code internal}
 * @param task the task's name for the two task kinds, else null
 * @param func the callback's name ({@code f}, {@code <lambda>}, {@code Event.set}, {@code print});
 *             for internal handles only informative; else null
 */
public record HandleInfo(String kind, String task, String func) {

    public static final String TASK_STEP = "task-step", TASK_WAKEUP = "task-wakeup", STOP = "stop",
            CALLBACK = "callback", INTERNAL = "internal";

    /** Every kind a trace line may name; {@code task} matches both task kinds. */
    public static final Set<String> KINDS = Set.of(TASK_STEP, TASK_WAKEUP, STOP, CALLBACK, INTERNAL, "task");

    private static final Set<String> PUBLIC_TYPES = Set.of("Future", "Task", "Lock", "Event", "Condition",
            "Semaphore", "BoundedSemaphore", "Barrier");

    public static HandleInfo of(Machine m, Program p, Machine.Callback cb) {
        Object fn = cb.fn();
        if (fn instanceof Machine.TaskStep ts) return new HandleInfo(TASK_STEP, m.task(ts.task()).t().name(), null);
        if (fn instanceof Machine.TaskWakeup tw) return new HandleInfo(TASK_WAKEUP, m.task(tw.task()).t().name(), null);
        if (fn instanceof Machine.StopLoop) return new HandleInfo(STOP, null, null);
        if (fn instanceof Func f) {
            boolean user = f.template().code().file.equals(p.file);
            return new HandleInfo(user ? CALLBACK : INTERNAL, null, f.name());
        }
        if (AsyncioApi.isGatherDone(fn)) return new HandleInfo(INTERNAL, null, AsyncioApi.GATHER_DONE_NAME);
        if (fn instanceof BoundMethod bm) {
            String type = Py.typeOf(m, bm.self()).name;
            boolean pub = PUBLIC_TYPES.contains(type);
            return new HandleInfo(pub ? CALLBACK : INTERNAL, null, type + "." + bm.name());
        }
        if (fn instanceof Builtin b) {
            boolean pub = !b.name().contains(".") && !b.name().startsWith("_") && !b.name().contains(":");
            return new HandleInfo(pub ? CALLBACK : INTERNAL, null, b.name());
        }
        return new HandleInfo(INTERNAL, null, null);
    }

    /** Whether a trace line (kind, task, func as recorded) names this handle. */
    public boolean matches(String kind, String task, String func) {
        switch (kind) {
            case "task":
                return (this.kind.equals(TASK_STEP) || this.kind.equals(TASK_WAKEUP)) && this.task.equals(task);
            case TASK_STEP:
            case TASK_WAKEUP:
                return this.kind.equals(kind) && this.task.equals(task);
            case CALLBACK:
                return this.kind.equals(CALLBACK) && (func == null || func.equals(this.func));
            default:
                return this.kind.equals(kind);
        }
    }

    /** {@code task-wakeup Task-2}, {@code callback f}, {@code stop}, {@code internal (Timeout._on_timeout)}. */
    @Override public String toString() {
        if (task != null) return kind + " " + task;
        if (func != null) return kind.equals(INTERNAL) ? kind + " (" + func + ")" : kind + " " + func;
        return kind;
    }
}
