package lockstep.sched;

import lockstep.vm.*;
import lockstep.vm.Interp.Outcome;
import lockstep.vm.Obj.*;
import lockstep.vm.Values.Ref;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

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

        /** Who watches a run that this chooser starts (see {@link Runner#run}). */
        default Observer observer() { return Observer.NONE; }

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

    /** The run used up its handles (or loop iterations); the message says which, for stderr. */
    static final class StepLimit extends RuntimeException {
        StepLimit(String message) { super(message, null, false, false); }
    }

    /** Where the run is between two choice points (asyncio.run's phases as data, so that a run can be copied). */
    private enum Pc { MODULE, ITERATION, BATCH, LOOP_STOPPED, DONE }

    /** What the current run_until_complete is for, in runners.py's order. */
    private enum Stage { MAIN, LEFTOVERS, SHUTDOWN_ASYNCGENS, SHUTDOWN_EXECUTOR }

    private static final Machine.StopLoop STOP = new Machine.StopLoop();

    private final Machine m;
    private final String file;
    private final long maxHandles;
    private Chooser chooser = Chooser.FIFO;
    /**
     * The module's frames, suspended in asyncio.run while the loop runs: shared by the copies of
     * a run, never changed once shared; the module resumes in copies of them ({@link #resumeModule}).
     */
    private List<Object> module;
    /**
     * The tasks asyncio.run made itself (main's, the shutdown coroutines'): never cancelled by a
     * chooser. Never changed once made: shared by the copies of a run, replaced to add a task.
     */
    private BitSet unCancellable;
    private int steps;
    private long iterations;
    private Pc pc = Pc.MODULE;
    private Stage stage;
    /** The future run_until_complete waits for. */
    private int awaited;
    /** What main's run_until_complete gave: its result, or the exception asyncio.run re-raises at the end. */
    private Object mainResult;
    private PyRaise failure;
    /** The tasks _cancel_all_tasks cancelled. */
    private List<Integer> leftovers = List.of();
    /** What to send into the module's frames when they resume (a value, or an exception). */
    private Object send;
    private PyExc sendExc;
    private Result result;

    private Runner(Machine m, String file, List<Object> module, long maxHandles) {
        this.m = m;
        this.file = file;
        this.module = module;
        this.maxHandles = maxHandles;
        this.unCancellable = new BitSet();
    }

    private Runner(Runner r) {
        this.m = r.m.snapshot();
        this.file = r.file;
        this.maxHandles = r.maxHandles;
        this.module = r.module;
        this.unCancellable = r.unCancellable;
        this.steps = r.steps;
        this.iterations = r.iterations;
        this.pc = r.pc;
        this.stage = r.stage;
        this.awaited = r.awaited;
        this.mainResult = r.mainResult;
        this.failure = r.failure;
        this.leftovers = r.leftovers;
        this.send = r.send;
        this.sendExc = r.sendExc;
        this.result = r.result;
    }

    /** Runs a program from its start, asking {@code chooser} at every choice point. */
    public static Result run(Program p, Chooser chooser, long maxHandles) {
        return start(p, maxHandles, chooser.observer()).resume(chooser);
    }

    /** A run of {@code p} at its start, watched by {@code observer}, to be resumed (and copied at its choice points). */
    public static Runner start(Program p, long maxHandles, Observer observer) {
        Program.Start s = p.start();
        s.machine().observe(observer);
        List<Object> st = new ArrayList<>();
        st.add(s.module());
        return new Runner(s.machine(), p.file, st, maxHandles);
    }

    /** An independent copy of this run, at the same point (taken at a choice point, it resumes there). */
    public Runner copy() { return new Runner(this); }

    /** The machine of this run (read-only use: the explorer looks, the runner acts). */
    public Machine machine() { return m; }

    /** Handles run so far. */
    public int steps() { return steps; }

    /** Runs to the end from where this run is, asking {@code chooser} at every choice point. */
    public Result resume(Chooser chooser) {
        this.chooser = chooser;
        try {
            while (advance()) {
                int n = m.readyCount();
                List<Integer> cancellable = new Cancellable();
                decide(chooser.choose(m, n, cancellable), n, cancellable);
            }
            return result;
        } catch (Deadlock | StepLimit | Machine.InstructionLimit | ResourceBound | Cut e) {
            return ended(e);
        }
    }

    /**
     * Takes decision {@code c} at the pending choice point, watched by {@code chooser}, and
     * runs on to the next one: true when a choice point is pending again, false when the
     * run ended ({@link #result()}). Its choose() is never called.
     */
    public boolean take(int c, Chooser chooser) {
        this.chooser = chooser;
        try {
            int n = m.readyCount();
            decide(c, n, new Cancellable());
            return advance();
        } catch (Deadlock | StepLimit | Machine.InstructionLimit | ResourceBound | Cut e) {
            ended(e);
            return false;
        }
    }

    /**
     * Runs from where this run is (its start) to the first choice point, watched by
     * {@code chooser}: true when a choice point is pending, false when the run ended
     * ({@link #result()}). Its choose() is never called.
     */
    public boolean begin(Chooser chooser) {
        this.chooser = chooser;
        try {
            return advance();
        } catch (Deadlock | StepLimit | Machine.InstructionLimit | ResourceBound | Cut e) {
            ended(e);
            return false;
        }
    }

    /** How the run ended, once it has. */
    public Result result() { return result; }

    /** The tasks an injected cancel may hit at the pending choice point, in creation order. */
    public List<Integer> cancellableTasks() { return cancellable(); }

    /** The end of a run by a deadlock, a bound, or a cut. */
    private Result ended(RuntimeException e) {
        if (e instanceof Cut) {
            pc = Pc.DONE;
            return result = new Result(m.stdout(), m.stderr(), -1, steps, true, null);
        }
        if (e instanceof Deadlock) {
            m.printErr(DeadlockReport.describe(m));
            return finish(3, null);
        }
        if (e instanceof Machine.InstructionLimit) {
            m.printErr("step limit exceeded: more than " + Machine.INSTRUCTION_LIMIT + " instructions in one run\n");
        } else if (e instanceof ResourceBound) {
            m.printErr("resource bound exceeded: " + e.getMessage() + "\n");
        } else {
            m.printErr("step limit exceeded: " + e.getMessage() + "\n");
        }
        return finish(4, null);
    }

    private Result finish(int exit, PyExc escaped) {
        pc = Pc.DONE;
        return result = new Result(m.stdout(), m.stderr(), exit, steps, false, escaped);
    }

    /** Applies the decision at the pending choice point: run ready handle {@code c}, or inject a cancel. */
    private void decide(int c, int ready, List<Integer> cancellable) {
        if (c >= ready) {
            m.cancel(cancellable.get(c - ready), Interp.NONE);
            chooser.afterCancel(m);
            return;
        }
        steps++;
        Machine.Callback ran = m.runHandle(c);
        chooser.afterStep(m, ran);
    }

    /** Runs until the next choice point (true) or the end of the program (false). */
    private boolean advance() {
        while (true) {
            switch (pc) {
                case MODULE -> resumeModule();
                case ITERATION -> {
                    if (m.readyCount() == 0 && !m.stopping()) chooser.quiescent(m);
                    if (++iterations > maxHandles) throw iterationLimit();
                    if (!m.beginIteration()) {
                        m.observer().runEnding(m);
                        chooser.quiescent(m);
                        throw new Deadlock();
                    }
                    pc = Pc.BATCH;
                }
                case BATCH -> {
                    m.dropCancelledReady();
                    if (m.batchLeft() > 0) {
                        if (steps >= maxHandles) throw new StepLimit("more than " + maxHandles + " handles run");
                        return true;
                    }
                    if (m.stopping()) {
                        m.clearStopping();
                        pc = Pc.LOOP_STOPPED;
                    } else {
                        pc = Pc.ITERATION;
                    }
                }
                case LOOP_STOPPED -> loopStopped();
                case DONE -> { return false; }
            }
        }
    }

    /** The module's code runs on, up to its next asyncio.run (which starts the loop) or its end. */
    private void resumeModule() {
        List<Object> frames = new ArrayList<>(module.size());
        for (Object f : module) frames.add(f instanceof Frame fr ? fr.copy() : f);
        module = frames;
        Outcome o = Interp.drive(m, module, sendExc == null ? send : null, sendExc);
        send = null;
        sendExc = null;
        if (o.kind() == Outcome.RUN_LOOP) {
            startAsyncioRun(o.value());
        } else if (o.kind() == Outcome.RAISE) {
            m.printErr("Traceback (most recent call last):\n  File \"" + file + "\", in <module>\n");
            m.printErr(Py.formatExceptionOnly(m, o.exc()) + "\n");
            finish(1, o.exc());
        } else {
            finish(0, null);
        }
    }

    /** asyncio.run(coro), runners.py's Runner.run: a new loop, main's task, run until it is done. */
    private void startAsyncioRun(Object coro) {
        m.openLoop();
        failure = null;
        mainResult = null;
        try {
            int main = m.createTask(coro, null);
            markUnCancellable(main);
            runUntilComplete(main, Stage.MAIN);
        } catch (PyRaise e) {
            endAsyncioRun(e);
        }
    }

    /** run_until_complete(fut): the loop runs until fut's done-callback stops it. */
    private void runUntilComplete(int fut, Stage next) {
        m.nextPhase();
        m.addDoneCallback(fut, STOP);
        awaited = fut;
        stage = next;
        pc = Pc.ITERATION;
    }

    /** The loop stopped: run_until_complete returns (or raises), and asyncio.run goes on to its next phase. */
    private void loopStopped() {
        try {
            m.removeDoneCallback(awaited, STOP);
            Object value = null;
            PyRaise raised = null;
            try {
                if (!m.futDone(awaited)) throw PyRaise.of(PyType.RUNTIME_ERROR, "Event loop stopped before Future completed.");
                value = m.futResult(awaited);
            } catch (PyRaise e) {
                if (stage != Stage.MAIN) throw e;
                raised = e;
            }
            switch (stage) {
                case MAIN -> {
                    mainResult = value;
                    failure = raised;
                    m.observer().runEnding(m);
                    cancelAllTasks();
                }
                case LEFTOVERS -> {
                    reportLeftoverErrors();
                    runUntilComplete(shutdownTask("_shutdown_asyncgens"), Stage.SHUTDOWN_ASYNCGENS);
                }
                case SHUTDOWN_ASYNCGENS -> runUntilComplete(shutdownTask("_shutdown_default_executor"), Stage.SHUTDOWN_EXECUTOR);
                case SHUTDOWN_EXECUTOR -> {
                    m.closeLoop();
                    endAsyncioRun(failure);
                }
            }
        } catch (PyRaise e) {
            endAsyncioRun(e);
        }
    }

    /** asyncio.run returns main's result to the module, or raises. */
    private void endAsyncioRun(PyRaise e) {
        if (e != null) sendExc = e.exc;
        else send = mainResult;
        pc = Pc.MODULE;
    }

    private int shutdownTask(String preludeFunction) {
        Object coro = Interp.callSync(m, m.preludeFunction(preludeFunction), List.of());
        int t = m.createTask(coro, null);
        markUnCancellable(t);
        return t;
    }

    /** _cancel_all_tasks: cancel what is left (in creation order) and gather it. */
    private void cancelAllTasks() {
        leftovers = m.pendingTasks();
        if (leftovers.isEmpty()) {
            runUntilComplete(shutdownTask("_shutdown_asyncgens"), Stage.SHUTDOWN_ASYNCGENS);
            return;
        }
        List<Object> args = new ArrayList<>();
        for (int t : leftovers) {
            m.cancel(t, Interp.NONE);
            args.add(new Ref(t));
        }
        args.add(Boolean.TRUE);
        Ref outer = (Ref) Interp.callSyncKw(m, m.preludeFunction("gather"), args, List.of("return_exceptions"));
        runUntilComplete(outer.id(), Stage.LEFTOVERS);
    }

    private void reportLeftoverErrors() {
        for (int t : leftovers) {
            TaskObj task = m.task(t);
            if (!task.f().cancelled() && task.f().exception() != null) {
                m.printErr("unhandled exception during asyncio.run() shutdown\n");
            }
        }
    }

    /**
     * The bound on _run_once iterations, as many as handles: it ends a loop whose clock
     * only moves to a timer that never comes ({@code sleep(float('inf'))}: CPython would
     * sleep forever) or cannot move past it (a deadline too large for the clock's resolution).
     */
    private StepLimit iterationLimit() {
        return new StepLimit("more than " + maxHandles + " event loop iterations (virtual time "
                + Py.floatRepr(m.time()) + ", next timer " + (m.hasTimers() ? "at " + Py.floatRepr(m.nextTimerWhen()) : "none") + ")");
    }

    /**
     * The tasks an injected cancel() may hit, computed only when the chooser looks at them:
     * CPython's FIFO never does, and the walk over every task at every step would make a
     * run with many tasks quadratic.
     */
    private final class Cancellable extends java.util.AbstractList<Integer> {
        private List<Integer> tasks;

        private List<Integer> tasks() {
            if (tasks == null) tasks = cancellable();
            return tasks;
        }

        @Override public Integer get(int i) { return tasks().get(i); }

        @Override public int size() { return tasks().size(); }
    }

    /** Adds {@code task} to {@link #unCancellable}: in a new set, as copies of this run may share the old one. */
    private void markUnCancellable(int task) {
        BitSet b = (BitSet) unCancellable.clone();
        b.set(task);
        unCancellable = b;
    }

    /** Tasks an injected cancel() may hit: pending, not main, not the runner's own. */
    private List<Integer> cancellable() {
        return m.pendingTasks(unCancellable);
    }
}
