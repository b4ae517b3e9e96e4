package lockstep.vm;

import lockstep.core.Delta;
import lockstep.core.Future;
import lockstep.core.PyVersion;
import lockstep.core.Task;
import lockstep.core.Vec;
import lockstep.lang.Code;
import lockstep.vm.Obj.CellObj;
import lockstep.vm.Obj.CoroObj;
import lockstep.vm.Obj.FutureObj;
import lockstep.vm.Obj.TaskObj;
import lockstep.vm.Values.Func;
import lockstep.vm.Values.Ref;

import java.util.ArrayList;
import java.util.List;

/**
 * The repr of a Future or a Task as CPython writes it: {@code base_futures._future_repr_info}
 * (the state, the result through {@link Reprlib} or the exception, the callbacks) and
 * {@code base_tasks._task_repr_info} (cancelling, the name, the coroutine with the line it is
 * at, the future it waits for). A callback the model runs for the asyncio library is named
 * as CPython's function, with where the version's stdlib defines it ({@link Stdlib}).
 */
final class FutureReprs {
    private FutureReprs() {}

    /** The futures whose repr is being made (reprlib.recursive_repr: one met again inside itself is {@code ...}). */
    private static final ThreadLocal<List<Integer>> ACTIVE = ThreadLocal.withInitial(ArrayList::new);

    static String repr(Machine m, int id, Object o) {
        List<Integer> active = ACTIVE.get();
        if (active.contains(id)) return "...";
        active.add(id);
        try {
            if (o instanceof TaskObj t) return "<Task " + String.join(" ", taskInfo(m, t)) + ">";
            FutureObj f = (FutureObj) o;
            return "<" + (f.children() != null ? "_GatheringFuture" : "Future") + " " + String.join(" ", info(m, f.f())) + ">";
        } finally {
            active.remove(active.size() - 1);
        }
    }

    /** {@code _future_repr_info}: the state, then the result or exception of a finished future, then its callbacks. */
    private static List<String> info(Machine m, Future f) {
        List<String> info = new ArrayList<>();
        info.add(f.cancelled() ? "cancelled" : f.done() ? "finished" : "pending");
        if (f.done() && !f.cancelled()) {
            if (f.exception() != null) info.add("exception=" + Py.repr(m, f.exception()));
            else info.add("result=" + Reprlib.repr(m, f.result()));
        }
        Vec<Object> cbs = f.callbacks();
        int n = cbs.size();
        if (n > 0) {
            String s = n == 1 ? callback(m, cbs.get(0))
                    : n == 2 ? callback(m, cbs.get(0)) + ", " + callback(m, cbs.get(1))
                    : callback(m, cbs.get(0)) + ", <" + (n - 2) + " more>, " + callback(m, cbs.get(n - 1));
            info.add("cb=[" + s + "]");
        }
        return info;
    }

    /** {@code _task_repr_info}: the future's, with {@code cancelling}, the name, the coroutine and what it waits for. */
    private static List<String> taskInfo(Machine m, TaskObj t) {
        List<String> info = info(m, t.f());
        Task k = t.t();
        boolean cancelling = m.version().has(Delta.TASK_REPR_CANCELLING_IS_MUST_CANCEL) ? k.mustCancel() : k.cancelRequests() > 0;
        if (cancelling && !t.f().done()) info.set(0, "cancelling");
        info.add(1, "name=" + Py.repr(m, k.name()));
        info.add(2, "coro=<" + coroutine(m, t) + ">");
        if (k.waitingOn() >= 0) info.add(3, "wait_for=" + Py.repr(m, new Ref(k.waitingOn())));
        return info;
    }

    /**
     * {@code coroutines._format_coroutine}: its qualified name, and the line its frame is at
     * (the {@code async def} line before it starts), or where it is defined once it is done.
     */
    private static String coroutine(Machine m, TaskObj t) {
        if (!(m.get(t.coro()) instanceof CoroObj co) || co.code() == null) return Py.repr(m, new Ref(t.coro()));
        Code code = co.code();
        String name = co.name() + "()";
        if (co.state() == CoroObj.CLOSED) return name + " done, defined at " + code.file + ":" + code.firstLine;
        int line = code.firstLine;
        if (co.state() != CoroObj.CREATED) {
            List<Object> running = m.runningFrames();
            Frame f = ownFrame(running.isEmpty() ? null : running.get(0), t.coro());
            if (f == null) f = ownFrame(t.stack().size() == 0 ? null : t.stack().get(0), t.coro());
            if (f != null) line = f.line();
        }
        return name + " running at " + code.file + ":" + line;
    }

    /** The frame of coroutine {@code coro}, if {@code bottom} (the bottom of a task's stack of awaits) is it. */
    private static Frame ownFrame(Object bottom, int coro) {
        return bottom instanceof Frame f && f.coro == coro ? f : null;
    }

    /** {@code format_helpers._format_callback_source}: the callback's qualified name, {@code ()}, and where it is defined. */
    private static String callback(Machine m, Object fn) {
        PyVersion v = m.version();
        if (fn instanceof Machine.TaskWakeup) return v.has(Delta.TASK_WAKEUP_NAMED_DUNDER) ? "Task.__wakeup()" : "Task.task_wakeup()";
        if (fn instanceof Machine.StopLoop) return "_run_until_complete_cb() at " + Stdlib.RUN_UNTIL_COMPLETE_CB.at(v);
        if (AsyncioApi.isGatherDone(fn)) return AsyncioApi.GATHER_DONE_NAME + "() at " + Stdlib.GATHER_DONE.at(v);
        if (fn instanceof Func f) {
            Code c = f.template().code();
            if (!c.file.equals(Program.PRELUDE_FILE)) return c.qualname + "() at " + c.file + ":" + c.firstLine;
            return preludeCallback(m, f, v);
        }
        if (fn instanceof Values.Builtin b) return b.name() + "()";
        return Py.repr(m, fn) + "()";
    }

    /** A callback of the model's asyncio (asyncio_model.py), named as the CPython function it stands for. */
    private static String preludeCallback(Machine m, Func f, PyVersion v) {
        String q = f.qualname();
        return switch (q) {
            case "shield.<locals>._inner_done" -> "shield.<locals>._inner_done_callback() at " + Stdlib.SHIELD_INNER.at(v);
            case "shield.<locals>._outer_done" -> "shield.<locals>._outer_done_callback() at " + Stdlib.SHIELD_OUTER.at(v);
            case "shield.<locals>._clear_awaited_by_callback" -> q + "() at " + Stdlib.SHIELD_CLEAR_AWAITED_BY.at(v);
            case "_log_on_exception" -> q + "() at " + Stdlib.LOG_ON_EXCEPTION.at(v);
            // functools.partial(_release_waiter, waiter): its argument, reprlib'd, then ()
            case "_wait_for_on_a_waiter.<locals>.<lambda>", "_cancel_and_wait.<locals>.<lambda>" ->
                    "_release_waiter(" + Reprlib.repr(m, closureValue(m, f, 0)) + ")() at " + Stdlib.RELEASE_WAITER.at(v);
            default -> q + "()";
        };
    }

    /** The value of closure cell {@code i} of {@code f}. */
    private static Object closureValue(Machine m, Func f, int i) {
        return ((CellObj) m.get(f.closure().get(i))).value();
    }

    /** Where a version's stdlib defines the functions the model's callbacks stand for: its file and line. */
    enum Stdlib {
        RUN_UNTIL_COMPLETE_CB("base_events.py", 184, 180, 182, 181, 181),
        GATHER_DONE("tasks.py", 714, 754, 767, 820, 810),
        SHIELD_INNER("tasks.py", 833, 881, 905, 958, 978),
        SHIELD_OUTER("tasks.py", 850, 898, 922, 975, 991),
        SHIELD_CLEAR_AWAITED_BY("tasks.py", 0, 0, 0, 0, 975),
        LOG_ON_EXCEPTION("tasks.py", 0, 0, 0, 0, 911),
        RELEASE_WAITER("tasks.py", 387, 421, 467, 454, 435);

        private final String file;
        /** The line in 3.10, 3.11, 3.12, 3.13 and 3.14 (0: the version has no such function). */
        private final int[] lines;

        Stdlib(String file, int... lines) {
            this.file = file;
            this.lines = lines;
        }

        /** {@code FILE:LINE} as the version's oracle of record writes it (its stdlib's path in pyodide). */
        String at(PyVersion v) {
            String dir = v == PyVersion.V3_10 ? "/lib/python3.10/asyncio/" : "/lib/python3" + v.text.substring(2) + ".zip/asyncio/";
            return dir + file + ":" + lines[v.ordinal()];
        }
    }
}
