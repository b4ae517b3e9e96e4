package lockstep.sched;

import lockstep.vm.*;
import lockstep.vm.Interp.Outcome;
import lockstep.vm.Obj.*;
import lockstep.vm.Values.Ref;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a program the way {@code python3 FILE} does: the module body, and for each
 * asyncio.run(main()) what runners.py does — run main's task until it is done, cancel
 * the tasks left over and run them to completion, run the two shutdown coroutines,
 * close the loop. Before every handle the {@link Chooser} decides which ready handle
 * runs (CPython: the head) and may inject a task.cancel() first.
 */
public final class Runner {

    /** The decision at one choice point. */
    public interface Chooser {
        /**
         * @param ready       ready handles, index 0 = the head (CPython's choice)
         * @param cancellable tasks that may receive an injected cancel(), in creation order
         * @return an index below {@code ready} to run that handle, or {@code ready + k} to
         *         cancel {@code cancellable.get(k)} (the same choice point then comes again)
         */
        int choose(Machine m, int ready, List<Integer> cancellable);

        /** Called after each handle ran (for invariants, traces, state caching). */
        default void afterStep(Machine m, Machine.Callback ran) {}

        /** Called after an injected cancel() (the choice point then comes again). */
        default void afterCancel(Machine m) {}

        /** Called when nothing is ready (before the clock moves, or at a deadlock). */
        default void quiescent(Machine m) {}

        Chooser FIFO = (m, ready, cancellable) -> 0;
    }

    /** How a run ended, in the contract's exit codes; {@code cut} when the chooser stopped it early. */
    public record Result(String stdout, String stderr, int exit, int steps, boolean cut, PyExc escaped) {}

    /** Thrown by a chooser to abandon the run (a state already explored, a bound hit). */
    public static final class Cut extends RuntimeException {
        public Cut() { super(null, null, false, false); }
    }

    static final class Deadlock extends RuntimeException {
        Deadlock() { super(null, null, false, false); }
    }

    static final class StepLimit extends RuntimeException {
        StepLimit() { super(null, null, false, false); }
    }

    private final Machine m;
    private final Chooser chooser;
    private final long maxHandles;
    private final Set<Integer> unCancellable = new HashSet<>();
    private int steps;

    private Runner(Machine m, Chooser chooser, long maxHandles) {
        this.m = m;
        this.chooser = chooser;
        this.maxHandles = maxHandles;
    }

    public static Result run(Program p, Chooser chooser, long maxHandles) {
        Program.Start s = p.start();
        return new Runner(s.machine(), chooser, maxHandles).runModule(p, s.module());
    }

    private Result runModule(Program p, Frame module) {
        List<Object> st = new ArrayList<>();
        st.add(module);
        try {
            Outcome o = Interp.drive(m, st, null, null);
            while (o.kind() == Outcome.RUN_LOOP) {
                Object value = null;
                PyExc exc = null;
                try {
                    value = asyncioRun(o.value());
                } catch (PyRaise e) {
                    exc = e.exc;
                }
                o = Interp.drive(m, st, exc == null ? value : null, exc);
            }
            if (o.kind() == Outcome.RAISE) {
                m.printErr("Traceback (most recent call last):\n  File \"" + p.file + "\", in <module>\n");
                m.printErr(Py.formatExceptionOnly(m, o.exc()) + "\n");
                return result(1, false, o.exc());
            }
            return result(0, false, null);
        } catch (Deadlock d) {
            m.printErr(DeadlockReport.describe(m));
            return result(3, false, null);
        } catch (StepLimit l) {
            m.printErr("step limit exceeded: more than " + maxHandles + " handles run\n");
            return result(4, false, null);
        } catch (Machine.InstructionLimit l) {
            m.printErr("step limit exceeded: more than " + m.instructionLimit + " instructions in one run\n");
            return result(4, false, null);
        } catch (lockstep.vm.ResourceBound b) {
            m.printErr("resource bound exceeded: " + b.getMessage() + "\n");
            return result(4, false, null);
        } catch (Cut c) {
            return result(-1, true, null);
        }
    }

    private Result result(int exit, boolean cut, PyExc escaped) {
        return new Result(m.stdout(), m.stderr(), exit, steps, cut, escaped);
    }

    /** asyncio.run(coro): Runner.run then Runner.close of runners.py. */
    private Object asyncioRun(Object coro) {
        m.loopRunning = true;
        m.resetLoop();
        int main = m.createTask(coro, null);
        unCancellable.add(main);
        Object result = null;
        PyRaise failure = null;
        try {
            result = runUntilComplete(main);
        } catch (PyRaise e) {
            failure = e;
        }
        cancelAllTasks();
        runUntilComplete(shutdownTask("_shutdown_asyncgens"));
        runUntilComplete(shutdownTask("_shutdown_default_executor"));
        m.loopRunning = false;
        m.resetLoop();
        if (failure != null) throw failure;
        return result;
    }

    private int shutdownTask(String preludeFunction) {
        Object coro = Interp.callSync(m, m.preludeFunction(preludeFunction), List.of());
        int t = m.createTask(coro, null);
        unCancellable.add(t);
        return t;
    }

    /** _cancel_all_tasks: cancel what is left (in creation order) and gather it. */
    private void cancelAllTasks() {
        List<Integer> left = m.pendingTasks();
        if (left.isEmpty()) return;
        List<Object> args = new ArrayList<>();
        for (int t : left) {
            m.cancel(t, Interp.NONE);
            args.add(new Ref(t));
        }
        args.add(Boolean.TRUE);
        Ref outer = (Ref) Interp.callSyncKw(m, m.preludeFunction("gather"), args, List.of("return_exceptions"));
        runUntilComplete(outer.id());
        for (int t : left) {
            TaskObj task = m.task(t);
            if (!task.f().cancelled() && task.f().exception() != null) {
                m.printErr("unhandled exception during asyncio.run() shutdown\n");
            }
        }
    }

    /** run_until_complete(fut): run the loop until fut's done-callback stops it. */
    private Object runUntilComplete(int fut) {
        m.phase++;
        Object stop = new Machine.StopLoop();
        m.addDoneCallback(fut, stop);
        runForever();
        m.removeDoneCallback(fut, stop);
        if (!m.futDone(fut)) throw PyRaise.of(PyType.RUNTIME_ERROR, "Event loop stopped before Future completed.");
        return m.futResult(fut);
    }

    /** run_forever: _run_once until stopped; each handle is one choice of the chooser. */
    private void runForever() {
        while (true) {
            if (m.readyCount() == 0 && !m.stopping()) chooser.quiescent(m);
            if (!m.beginIteration()) throw new Deadlock();
            while (true) {
                m.dropCancelledReady();
                if (m.batchLeft() == 0) break;
                if (steps >= maxHandles) throw new StepLimit();
                int n = m.readyCount();
                List<Integer> cancellable = cancellable();
                int c = chooser.choose(m, n, cancellable);
                if (c >= n) {
                    m.cancel(cancellable.get(c - n), Interp.NONE);
                    chooser.afterCancel(m);
                    continue;
                }
                steps++;
                Machine.Callback ran = m.runHandle(c);
                chooser.afterStep(m, ran);
            }
            if (m.stopping()) {
                m.clearStopping();
                return;
            }
        }
    }

    /** Tasks an injected cancel() may hit: pending, not main, not the runner's own. */
    private List<Integer> cancellable() {
        List<Integer> l = new ArrayList<>();
        for (int t : m.pendingTasks()) if (!unCancellable.contains(t)) l.add(t);
        return l;
    }
}
