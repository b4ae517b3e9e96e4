package lockstep.vm;

import lockstep.core.Vec;
import lockstep.vm.Interp.FutAwait;
import lockstep.vm.Obj.*;
import lockstep.vm.Values.Ref;

/**
 * A task as a person reads it in a report: its name and coroutine ({@code Task-2 waiter()}),
 * the line of the scenario it is at, and what it waits on — the asyncio call it is suspended
 * in ({@code Lock.acquire}, {@code Condition.wait}, {@code sleep(0.1)}) with its primitive, a
 * {@code gather(...)} of tasks, another task. The one place that says how a task is shown.
 */
public final class TaskView {
    private TaskView() {}

    /** {@code Task-2 waiter()}: the task's name and the coroutine it was created with. */
    public static String name(Machine m, int task) {
        TaskObj t = m.task(task);
        return t.t().name() + " " + coroutine(m, t) + "()";
    }

    /** The name of the coroutine a task runs (the function of its outermost frame): {@code worker}, {@code main.<locals>.worker}, {@code Lock.acquire}. */
    public static String coroutine(Machine m, int task) { return coroutine(m, m.task(task)); }

    private static String coroutine(Machine m, TaskObj t) {
        if (m.get(t.coro()) instanceof CoroObj c) return c.name();   // its __qualname__, as CPython's task repr shows it
        for (Object f : t.stack()) if (f instanceof Frame fr) return fr.code.qualname;
        return "?";
    }

    /** {@code f.py:14}: where the task is in the scenario (its innermost frame outside asyncio), or "" if not started. */
    public static String line(Machine m, int task) {
        Frame f = task == m.currentTask() ? userFrame(Vec.copyOf(m.runningFrames())) : userFrame(m.task(task));
        return f == null ? "" : f.code.file + ":" + f.line();
    }

    /** {@link #line}, or "callback" when no task runs (a callback of the loop). */
    public static String lineOrCallback(Machine m, int task) { return task <= 0 ? "callback" : line(m, task); }

    /** {@code f.py:14} with the function when it is not the coroutine itself ({@code f.py:14 in helper}). */
    private static String at(Machine m, TaskObj t) {
        Frame f = userFrame(t);
        if (f == null) return "";
        String in = f.code.qualname.equals(coroutine(m, t)) ? "" : " in " + f.code.name;
        return " at " + f.code.file + ":" + f.line() + in;
    }

    private static Frame userFrame(TaskObj t) { return userFrame(t.stack()); }

    private static Frame userFrame(Vec<Object> stack) {
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i) instanceof Frame f && !f.code.file.equals(Program.PRELUDE_FILE)) return f;
        }
        return null;
    }

    /** {@code Task-2 waiter() at f.py:14 waits in Condition.wait on <...>}: a pending task, as a deadlock report lists it. */
    public static String describe(Machine m, int task) {
        TaskObj t = m.task(task);
        return name(m, task) + at(m, t) + " " + waits(m, t);
    }

    /** The asyncio call a suspended task is in ({@code Condition.wait}, {@code Lock.acquire}, {@code sleep}), or "". */
    public static String call(Machine m, int task) {
        Frame api = apiFrame(m.task(task));
        if (api == null) return "";
        String n = api.code.name;
        int u = n.indexOf('_');
        return u > 0 && Character.isUpperCase(n.charAt(0)) ? n.substring(0, u) + "." + n.substring(u + 1) : n;
    }

    /** The future a suspended task awaits, or -1 (not started, or at a bare yield). */
    public static int awaited(Machine m, int task) {
        Vec<Object> st = m.task(task).stack();
        return !st.isEmpty() && st.last() instanceof FutAwait fa ? fa.fut() : -1;
    }

    /** What a pending task waits on, starting with a verb: "waits in Lock.acquire on <...>", "waits for task Task-3". */
    private static String waits(Machine m, TaskObj t) {
        Vec<Object> st = t.stack();
        if (st.isEmpty()) return "has not started";
        if (!(st.last() instanceof FutAwait fa)) return "waits for its next step (a bare yield)";
        Frame api = apiFrame(t);
        if (api != null) return "waits in " + apiCall(m, api);
        if (m.get(fa.fut()) instanceof TaskObj) return "waits for task " + name(m, fa.fut());
        if (m.get(fa.fut()) instanceof FutureObj g && g.children() != null) return "waits in " + gather(m, g.children());
        return "waits on " + Py.repr(m, new Ref(fa.fut()));
    }

    /**
     * The outermost frame of asyncio's own code above the scenario's frames: the call the task
     * is suspended in ({@code async with X} shows as the call its {@code __aenter__} makes).
     */
    private static Frame apiFrame(TaskObj t) {
        Vec<Object> st = t.stack();
        for (int i = 0; i < st.size(); i++) {
            if (st.get(i) instanceof Frame f && f.code.file.equals(Program.PRELUDE_FILE)
                    && !(f.code.name.endsWith("___aenter__") && i + 1 < st.size() && st.get(i + 1) instanceof Frame)) {
                boolean inner = false;
                for (int j = i + 1; j < st.size(); j++) {
                    if (st.get(j) instanceof Frame g && !g.code.file.equals(Program.PRELUDE_FILE)) inner = true;
                }
                if (!inner) return f;
            }
        }
        return null;
    }

    /**
     * {@code Lock.acquire on <...>} for a method of a primitive (the prelude names them
     * {@code Type_method}, self first), {@code sleep(0.1)} for a function.
     */
    private static String apiCall(Machine m, Frame f) {
        String n = f.code.name;
        int u = n.indexOf('_');
        if (u > 0 && Character.isUpperCase(n.charAt(0))) return n.substring(0, u) + "." + n.substring(u + 1) + " on " + Py.repr(m, f.locals[0]);
        if (n.equals("sleep")) return "sleep(" + Py.repr(m, f.locals[0]) + ")";
        return n + "(...)";
    }

    /** {@code gather(Task-2 waiter(), Task-3 waiter())}: the children of a gathering future. */
    private static String gather(Machine m, Vec<Integer> children) {
        StringBuilder sb = new StringBuilder("gather(");
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) sb.append(", ");
            int c = children.get(i);
            sb.append(m.get(c) instanceof TaskObj ? name(m, c) : Py.repr(m, new Ref(c)));
        }
        return sb.append(')').toString();
    }
}
