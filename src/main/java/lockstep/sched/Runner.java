package lockstep.sched;

import lockstep.core.Vec;
import lockstep.vm.*;
import lockstep.vm.Interp.FutAwait;
import lockstep.vm.Interp.Outcome;
import lockstep.vm.Obj.*;
import lockstep.vm.Values.Ref;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a program the way {@code python3 FILE} does: the module body, and for each
 * asyncio.run(main()) what runners.py does — run main's task until it is done, cancel
 * the tasks left over and run them to completion, run the two shutdown coroutines,
 * close the loop. The event loop picks ready handles with a {@link Chooser}; CPython's
 * own order is {@link Chooser#FIFO}.
 */
public final class Runner {

    /** Picks which handle of the current batch runs next (0 = the head, as CPython does). */
    public interface Chooser {
        int pick(Machine m, int batch);
        Chooser FIFO = (m, batch) -> 0;
    }

    /** How a run ended, in the contract's exit codes. */
    public record Result(String stdout, String stderr, int exit) {}

    /** The loop would block forever. */
    static final class Deadlock extends RuntimeException {
        Deadlock() { super(null, null, false, false); }
    }

    /** Too many handles: a scenario that never ends. */
    static final class StepLimit extends RuntimeException {
        StepLimit() { super(null, null, false, false); }
    }

    private final Machine m;
    private final Chooser chooser;
    private final long maxHandles;

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
                return new Result(m.stdout(), m.stderr(), 1);
            }
            return new Result(m.stdout(), m.stderr(), 0);
        } catch (Deadlock d) {
            m.printErr(DeadlockReport.describe(m));
            return new Result(m.stdout(), m.stderr(), 3);
        } catch (StepLimit l) {
            m.printErr("step limit exceeded: more than " + maxHandles + " handles run\n");
            return new Result(m.stdout(), m.stderr(), 4);
        } catch (Machine.InstructionLimit l) {
            m.printErr("step limit exceeded: more than " + m.instructionLimit + " instructions in one run\n");
            return new Result(m.stdout(), m.stderr(), 4);
        }
    }

    /** asyncio.run(coro): Runner.run then Runner.close of runners.py. */
    private Object asyncioRun(Object coro) {
        m.loopRunning = true;
        m.resetLoop();
        int main = m.createTask(coro, null);
        Object result = null;
        PyRaise failure = null;
        try {
            result = runUntilComplete(main);
        } catch (PyRaise e) {
            failure = e;
        }
        cancelAllTasks();
        runUntilComplete(m.createTask(call("_shutdown_asyncgens"), null));
        runUntilComplete(m.createTask(call("_shutdown_default_executor"), null));
        m.loopRunning = false;
        m.resetLoop();
        if (failure != null) throw failure;
        return result;
    }

    private Object call(String preludeFunction) {
        return Interp.callSync(m, m.preludeFunction(preludeFunction), List.of());
    }

    /** _cancel_all_tasks: cancel what is left (in creation order) and gather it. */
    private void cancelAllTasks() {
        List<Integer> left = m.pendingTasks();
        if (left.isEmpty()) return;
        List<Object> refs = new ArrayList<>();
        for (int t : left) {
            m.cancel(t, Interp.NONE);
            refs.add(new Ref(t));
        }
        Object gather = m.preludeFunction("gather");
        List<Object> args = new ArrayList<>(refs);
        args.add(Boolean.TRUE);
        Ref outer = (Ref) Interp.callSyncKw(m, gather, args, List.of("return_exceptions"));
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
        Object stop = new Machine.StopLoop();
        m.addDoneCallback(fut, stop);
        runForever();
        m.removeDoneCallback(fut, stop);
        if (!m.futDone(fut)) throw PyRaise.of(PyType.RUNTIME_ERROR, "Event loop stopped before Future completed.");
        return m.futResult(fut);
    }

    private void runForever() {
        while (true) {
            if (!m.beginIteration()) throw new Deadlock();
            int batch;
            while ((batch = m.batchLeft()) > 0) {
                if (m.handlesRun > maxHandles) throw new StepLimit();
                m.runHandle(chooser.pick(m, batch));
            }
            if (m.stopping()) {
                m.clearStopping();
                return;
            }
        }
    }
}
