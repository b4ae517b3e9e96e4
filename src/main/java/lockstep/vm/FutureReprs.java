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

    /** Future or Task {@code id}: reprlib.recursive_repr makes one met again inside itself {@code ...}. */
    static String repr(Machine m, int id, Object o) {
        if (!Reprs.reprEnter(id)) return "...";
        try {
            Nesting.enter(Py.GETTING_REPR);
            try {
                if (o instanceof TaskObj t) return "<Task " + String.join(" ", taskInfo(m, t)) + ">";
                FutureObj f = (FutureObj) o;
                return "<" + (f.children() != null ? "_GatheringFuture" : "Future") + " " + String.join(" ", info(m, f.f())) + ">";
            } finally {
                Nesting.exit();
            }
        } finally {
            Reprs.reprLeave();
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
        LibraryCoroutine lib = code.file.equals(Program.PRELUDE_FILE) ? LIBRARY.get(co.name()) : null;
        String file = lib != null ? Stdlib.dir(m.version()) + lib.file() : code.file;
        int defined = lib != null ? lib.defined()[m.version().ordinal()] : code.firstLine;
        if (co.state() == CoroObj.CLOSED) return name + " done, defined at " + file + ":" + defined;
        int line = defined;
        if (co.state() != CoroObj.CREATED) {
            List<Object> running = m.runningFrames();
            Frame f = ownFrame(running.isEmpty() ? null : running.get(0), t.coro());
            if (f == null) f = ownFrame(t.stack().size() == 0 ? null : t.stack().get(0), t.coro());
            if (f != null) line = lib == null ? f.line() : lib.awaitLine(awaitKey(m, t, f), m.version(), defined);
        }
        return name + " running at " + file + ":" + line;
    }

    /**
     * One of asyncio's coroutines that the model writes in its prelude (asyncio_model.py):
     * the stdlib file CPython defines it in, its {@code async def} line there per version
     * (3.10 to 3.14; 0: the version has none), and for each await of the prelude's function (by
     * its line in asyncio_model.py) the line of the await it stands for, per version; the
     * lines were read off the oracles' reprs of tasks suspended there.
     */
    private record LibraryCoroutine(String file, int[] defined, java.util.Map<Integer, int[]> awaits) {
        /** The stdlib line of the await at prelude line {@code line}; the definition line for an await not known. */
        int awaitLine(int line, PyVersion v, int defined) {
            int[] at = awaits.get(line);
            return at != null && at[v.ordinal()] > 0 ? at[v.ordinal()] : defined;
        }
    }

    private static int[] lines(int... perVersion) { return perVersion; }

    private static final java.util.Map<String, LibraryCoroutine> LIBRARY = java.util.Map.of(
            "Lock.acquire", new LibraryCoroutine("locks.py", lines(92, 93, 92, 90, 90),
                    java.util.Map.of(25, lines(113, 114, 113, 110, 110))),
            "Event.wait", new LibraryCoroutine("locks.py", lines(200, 200, 199, 200, 200),
                    java.util.Map.of(47, lines(213, 213, 212, 213, 213))),
            "Semaphore.acquire", new LibraryCoroutine("locks.py", lines(372, 364, 363, 386, 386),
                    java.util.Map.of(115, lines(385, 387, 386, 407, 407), 126, lines(385, 387, 386, 407, 407))),
            "Condition.wait", new LibraryCoroutine("locks.py", lines(249, 248, 247, 248, 248), java.util.Map.of()),
            "Condition.wait_for", new LibraryCoroutine("locks.py", lines(286, 285, 284, 303, 303), java.util.Map.of()),
            "Barrier.wait", new LibraryCoroutine("locks.py", lines(0, 481, 480, 511, 511),
                    java.util.Map.of(150, lines(0, 497, 496, 527, 527))),
            "sleep", new LibraryCoroutine("tasks.py", lines(593, 627, 653, 703, 687),
                    java.util.Map.of(187, lines(596, 630, 656, 706, 690), 194, lines(605, 639, 665, 718, 702))),
            "wait_for", new LibraryCoroutine("tasks.py", lines(392, 426, 472, 459, 440), java.util.Map.of(
                    209, lines(408, 442, 0, 0, 0), // timeout None (3.12 on: under timeout(None), as 222)
                    214, lines(416, 450, 513, 500, 481), // timeout <= 0: _cancel_and_wait
                    222, lines(0, 0, 520, 507, 488), // async with timeout(): return await fut
                    220 * 1000 + 234, lines(432, 466, 0, 0, 0), // await waiter
                    220 * 1000 + 239, lines(441, 475, 0, 0, 0), // cancelled: _cancel_and_wait
                    220 * 1000 + 244, lines(451, 485, 0, 0, 0)))); // timed out: _cancel_and_wait

    /**
     * The key of the await a library coroutine's frame {@code f} is at: its line in the prelude,
     * and where the prelude delegates to a coroutine of its own (3.10–3.11 wait_for's
     * {@code _wait_for_on_a_waiter}, which CPython writes inline) that line times 1,000 plus
     * the line the next frame is at.
     */
    private static int awaitKey(Machine m, TaskObj t, Frame f) {
        int line = f.line();
        if (line != WAIT_FOR_ON_A_WAITER_LINE) return line;
        List<Object> running = m.runningFrames();
        Object next = running.size() > 1 && running.get(0) == f ? running.get(1) : t.stack().size() > 1 ? t.stack().get(1) : null;
        return next instanceof Frame g ? line * 1000 + g.line() : line;
    }

    /** The prelude's {@code return await _wait_for_on_a_waiter(fut, timeout)} in wait_for. */
    private static final int WAIT_FOR_ON_A_WAITER_LINE = 220;

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
        String at(PyVersion v) { return dir(v) + file + ":" + lines[v.ordinal()]; }

        /** Where the version's oracle of record keeps asyncio's sources. */
        static String dir(PyVersion v) {
            return v == PyVersion.V3_10 ? "/lib/python3.10/asyncio/" : "/lib/python3" + v.text.substring(2) + ".zip/asyncio/";
        }
    }
}
