package lockstep.vm;

import lockstep.core.*;
import lockstep.lang.Code;
import lockstep.vm.Obj.*;
import lockstep.vm.Values.*;

import java.util.Arrays;
import java.util.Objects;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The world of one run: the heap (immutable objects, replaced when they change), the
 * event loop (ready queue, timer heap, virtual clock) and the output, with futures and
 * tasks implemented on top of the pure {@link Future} and {@link Task}. It is mutable
 * while a handle runs; {@link #snapshot()} copies it cheaply (the objects are shared) at a
 * choice point, and {@link Canon} fingerprints it. The runner drives it
 * ({@link lockstep.sched.Runner}); the explorer only looks.
 */
public final class Machine implements Futures {

    /** A scheduled call: fn(args), cancellable through the heap object {@code handle} (-1: not cancellable). */
    public record Callback(Object fn, Vec<Object> args, int handle) {
        /**
         * Hashed by its handle, or the task it steps or wakes, alone: the explorer keys sets by
         * callbacks at every choice point, and equal callbacks have equal handles and tasks.
         */
        @Override public int hashCode() {
            if (handle >= 0) return handle;
            if (fn instanceof TaskStep s) return 31 * s.task();
            if (fn instanceof TaskWakeup w) return 37 * w.task();
            if (fn instanceof Func f) return 41 * f.template().code().serial;
            return fn == null ? 0 : fn.hashCode();
        }

        /** Equal when the same object (the usual case: copies of a run share their callbacks), else field by field. */
        @Override public boolean equals(Object o) {
            return this == o || o instanceof Callback c && handle == c.handle && Objects.equals(fn, c.fn) && Objects.equals(args, c.args);
        }
    }

    /**
     * A timer entry. As on a real monotonic clock, where each reading is later than the one
     * before, deadlines that are nominally equal fire in the order they were computed: timers
     * are ordered by {@code when}, then by creation (the handle, allocated when the timer is
     * created, is that sequence number).
     */
    public record Timer(double when, Callback cb) {
        boolean before(Timer o) {
            return when < o.when || (when == o.when && cb.handle() < o.cb.handle());
        }
    }

    /** Internal callables that the loop runs as handles. */
    public record TaskStep(int task, PyExc exc) {
        /** Written out (as the record would hash it), as for {@link TaskWakeup}. */
        @Override public int hashCode() { return 31 * task + (exc == null ? 0 : exc.hashCode()); }

        @Override public boolean equals(Object o) { return o instanceof TaskStep s && s.task == task && Objects.equals(s.exc, exc); }
    }

    public record TaskWakeup(int task) {
        /** Written out (as the record would hash it), not left to the generated method, which is slow to call: callbacks are compared at every choice point. */
        @Override public int hashCode() { return task; }

        @Override public boolean equals(Object o) { return o instanceof TaskWakeup w && w.task == task; }
    }
    public record StopLoop() {}

    /** CPython's clock resolution on Linux; fixed so that no result depends on the host. */
    public static final double CLOCK_RESOLUTION = 1e-9;
    static final double MAXIMUM_SELECT_TIMEOUT = 24 * 3600;

    /** The heap: object {@code id} at index id, up to {@link #heapSize} (id 0 is never used). */
    Object[] heap;
    private int heapSize;
    final ArrayList<Callback> ready;
    int readyHead;
    final ArrayList<Timer> timers;
    double clock;
    boolean stopping;
    int timerCancelledCount;
    int currentTask = -1;
    /** Whether asyncio.run's loop is running (asyncio.run inside it is an error). */
    boolean loopRunning;
    int taskCounter;
    int batchLeft;
    /** What was printed to stdout (null: nothing yet), shared by the copies of a run. */
    private Printed out;
    /** What was printed to stderr (null: nothing yet), shared by the copies of a run. */
    private Printed err;
    final Program program;
    /** Tasks in creation order, for all_tasks(). */
    final ArrayList<Integer> tasks;
    /** Which run_until_complete of which asyncio.run the loop is in (see {@link #nextPhase}). */
    int phase;
    /** Who watches this run (the explorer's invariants); its state is copied with the machine's. */
    private Observer observer = Observer.NONE;
    /** The Python frames live in this run's drives: the one running and those around it (a key function's). */
    int depth;
    /** Interpreted instructions so far, and the most one run may execute (a loop that never awaits). */
    long instructions;
    public static final long INSTRUCTION_LIMIT = 200_000_000L;

    /**
     * Bounds of the model on one run (CPython's own limits are the machine's memory): a
     * program past them stops with exit 4 ({@link ResourceBound}), never slows to a crawl.
     * The sizes of values are bounded in {@link Py#checkSize}.
     */
    public static final int MAX_TASKS = 10_000;
    public static final int MAX_HEAP_OBJECTS = 5_000_000;

    /** Thrown when a run executes more instructions than {@link #INSTRUCTION_LIMIT}. */
    public static final class InstructionLimit extends RuntimeException {
        public InstructionLimit() { super(null, null, false, false); }
    }

    public Machine(Program program) {
        this(program, new Object[64], 1, new ArrayList<>(), new ArrayList<>(), null, null, new ArrayList<>());
    }

    private Machine(Program program, Object[] heap, int heapSize, ArrayList<Callback> ready, ArrayList<Timer> timers,
                    Printed out, Printed err, ArrayList<Integer> tasks) {
        this.program = program;
        this.heap = heap;
        this.heapSize = heapSize;
        this.ready = ready;
        this.timers = timers;
        this.out = out;
        this.err = err;
        this.tasks = tasks;
    }

    /** The CPython version whose semantics this run follows. */
    @Override public lockstep.core.PyVersion version() {
        return program.version;
    }

    /**
     * The fresh frames of the coroutines created in the running drive: not yet part of any
     * state, so that one awaited at once runs as it is, not as a copy. Empty between drives
     * (at every choice point, where other threads may copy the run).
     */
    private final ArrayList<Frame> newCoroutines = new ArrayList<>();
    /** The size at which {@link #newCoroutines} is next pruned (a long drive may create many coroutines). */
    private int pruneNewCoroutinesAt = 64;

    /** The fresh frame of a new coroutine object: noted while a drive runs, else stored at once. */
    Frame newCoroutine(Frame f) {
        if (depth == 0) return f.stored();
        if (newCoroutines.size() >= pruneNewCoroutinesAt) pruneNewCoroutines();
        newCoroutines.add(f);
        return f;
    }

    /** Forgets the new coroutines already awaited: their frames are no longer in the heap, so no copy can share them. */
    private void pruneNewCoroutines() {
        newCoroutines.removeIf(f -> !(heap[f.coro] instanceof CoroObj co && co.frame() == f));
        pruneNewCoroutinesAt = Math.max(64, 2 * newCoroutines.size());
    }

    /** The new coroutines' frames become part of the state ({@link Frame#stored()}): a drive ended, or a copy is taken. */
    void storeNewCoroutines() {
        if (newCoroutines.isEmpty()) return;
        for (Frame f : newCoroutines) f.stored();
        newCoroutines.clear();
    }

    /** An independent copy (heap objects are immutable and shared): a checkpoint of the run. */
    public Machine snapshot() {
        storeNewCoroutines();
        Object[] h = Arrays.copyOf(heap, heapSize + 16); // room for the copy's next allocations
        ArrayList<Callback> r = new ArrayList<>(ready.size() - readyHead + 4);
        for (int i = readyHead; i < ready.size(); i++) r.add(ready.get(i));
        Machine c = new Machine(program, h, heapSize, r, new ArrayList<>(timers),
                out, err, new ArrayList<>(tasks));
        c.clock = clock;
        c.stopping = stopping;
        c.timerCancelledCount = timerCancelledCount;
        c.currentTask = currentTask;
        c.loopRunning = loopRunning;
        c.taskCounter = taskCounter;
        c.batchLeft = batchLeft;
        c.phase = phase;
        c.observer = observer.copy();
        c.instructions = instructions;
        c.memo = Arrays.copyOf(memo, Math.min(memo.length, heapSize)); // past the heap there is no object to remember
        return c;
    }

    // ------------------------------------------------------------------ heap

    /** When not null, the locations the running step reads and writes are recorded here. */
    private Footprint footprint;

    /**
     * Heap objects from this id on were made by the step being recorded: no other step from
     * the state it started in can read or write them (another step would make its own, under
     * the same ids), so they are not locations of its footprint.
     */
    private int freshFrom;

    /** Records what the next step (or injected cancel) reads and writes into {@code fp} (partial-order reduction). */
    public void recordFootprint(Footprint fp) {
        footprint = fp;
        freshFrom = heapSize;
    }

    /** The footprint recorded since {@link #recordFootprint} (null if none), and stops recording. */
    public Footprint takeFootprint() {
        Footprint fp = footprint;
        footprint = null;
        return fp;
    }

    public Object get(int id) {
        if (footprint != null && id < freshFrom) footprint.read(id);
        return heap[Objects.checkIndex(id, heapSize)];
    }

    public void set(int id, Object o) {
        if (footprint != null && id < freshFrom) footprint.write(id);
        replace(id, o);
    }

    /**
     * Replaces object {@code id}, read with {@link #peek}, by {@code o}, which only adds one to
     * its count, from {@code from}, staying below {@code limit} ({@link Footprint#addedOne}).
     */
    public void addOne(int id, Object o, long from, long limit) {
        if (footprint != null && id < freshFrom) footprint.addedOne(id, from, limit);
        replace(id, o);
    }

    /**
     * Replaces primitive {@code id}, read with {@link #peek}, by {@code o}, which only removes
     * {@code element} from its waiters ({@link Footprint#removed}).
     */
    public void removeWaiter(int id, Object o, long element) {
        if (footprint != null && id < freshFrom) footprint.removed(id, element);
        replace(id, o);
    }

    /**
     * Replaces Event {@code id}, read with {@link #peek}, by {@code o}, which only adds a new
     * future to its waiters, the flag seen down ({@link Footprint#joined}); a write (and a
     * read) when the scenario looks at the order of the waiters ({@link Program#looksAtWaiters}).
     */
    public void joinWaiters(int id, Object o) {
        if (footprint != null && id < freshFrom) {
            if (program.looksAtWaiters) {
                footprint.read(id);
                footprint.write(id);
            } else {
                footprint.joined(id);
            }
        }
        replace(id, o);
    }

    /**
     * Object {@code id}, not recorded as read: for a change recorded as such ({@link #addOne},
     * {@link #removeWaiter}, {@link #joinWaiters}), a look at what never changes (its type), or one after a {@link #get}.
     */
    public Object peek(int id) { return heap[Objects.checkIndex(id, heapSize)]; }

    /** Puts {@code o} at {@code id} and forgets what {@link Canon} knew of the object there. */
    private void replace(int id, Object o) {
        heap[Objects.checkIndex(id, heapSize)] = o;
        if (id < memo.length) memo[id] = null;
    }

    /**
     * {@link Canon}'s memo of heap objects, by id: an object's own hash (two ints) and the heap
     * objects it refers to, in order (null: not hashed since it was put there). A function of
     * the object alone, kept with the heap that holds it because runs copied from one another
     * share most objects; copied with the machine (one array), never part of its state.
     */
    int[][] memo = new int[0][];

    public int alloc(Object o) {
        if (heapSize >= MAX_HEAP_OBJECTS) throw new ResourceBound("more than " + MAX_HEAP_OBJECTS + " objects in the heap");
        if (heapSize == heap.length) heap = Arrays.copyOf(heap, heapSize * 2);
        heap[heapSize] = o;
        return heapSize++;
    }

    /** Global {@code slot} of a module: its value, else the builtin of its name (a slot the module never assigns has none of its own). */
    Object loadGlobal(int globals, Code.ModuleInfo module, int slot) {
        // not the prelude's: it assigns its globals once, before any run takes a step (see storeGlobal)
        if (footprint != null && globals != program.preludeGlobals) footprint.read(Footprint.global(globals, slot));
        Object v = module.assigned(slot) ? globalSlot(globals, slot) : Unbound.UNBOUND;
        return v != Unbound.UNBOUND ? v : builtin(globals, module, slot);
    }

    /** {@link #loadGlobal} by frame {@code f}: a NameError carries CPython's suggestion from f's names ({@link Suggestions}). */
    Object loadGlobal(Frame f, Code.ModuleInfo module, int slot) {
        try {
            return loadGlobal(f.globals, module, slot);
        } catch (PyRaise r) {
            if (r.exc.type != PyType.NAME_ERROR || f.globals == program.preludeGlobals) throw r;
            String hint = Suggestions.forName(version(), module.globals.get(slot), f.boundLocalNames(this), boundGlobals(f.globals, module),
                    f.code.isModule());
            throw hint == null ? r : new PyRaise(new PyExc(r.exc.type, r.exc.args, hint));
        }
    }

    /** The names a module has bound, in slot order (each read, for the footprint: the suggestion depends on them all). */
    private List<String> boundGlobals(int globals, Code.ModuleInfo module) {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < module.globals.size(); s++) {
            if (footprint != null) footprint.read(Footprint.global(globals, s));
            if (module.assigned(s) && globalSlot(globals, s) != Unbound.UNBOUND) out.add(module.globals.get(s));
        }
        return out;
    }

    private Object globalSlot(int globals, int slot) {
        Vec<Object> slots = ((GlobalsObj) heap[globals]).slots();
        return slot < slots.size() ? slots.get(slot) : Unbound.UNBOUND;
    }

    private Object builtin(int globals, Code.ModuleInfo module, int slot) {
        Object b = program.builtin(module, slot, globals == program.preludeGlobals);
        if (b != null) return b;
        String name = module.globals.get(slot);
        throw PyRaise.of(PyType.NAME_ERROR, "name '" + name + "' is not defined");
    }

    void storeGlobal(int globals, int slot, Object v) {
        if (footprint != null && globals == program.preludeGlobals) {
            throw new IllegalStateException("the prelude's globals are assigned once, before the runs take steps: reads of them are not recorded");
        }
        if (footprint != null) footprint.write(Footprint.global(globals, slot));
        Vec<Object> slots = ((GlobalsObj) heap[globals]).slots();
        while (slots.size() <= slot) slots = slots.append(Unbound.UNBOUND);
        replace(globals, new GlobalsObj(slots.set(slot, v)));
    }

    public Object preludeFunction(String name) {
        return preludeFunction(Program.preludeSlot(name));
    }

    /** The prelude's global in {@code slot} (a function it defines). */
    Object preludeFunction(int slot) {
        return loadGlobal(program.preludeGlobals, program.prelude.module(), slot);
    }

    public void print(String s) {
        if (footprint != null) footprint.write(Footprint.OUTPUT);
        out = Printed.then(out, s, Printed.roll(Printed.hash(out), s, s.length()));
    }

    /** A hash of everything printed so far (see {@link Canon}). */
    long outHash() { return Printed.hash(out) ^ Printed.length(out); }

    public Observer observer() { return observer; }

    public void observe(Observer o) { observer = o; }

    /** The task whose step is running, or -1 (a callback, or between handles). */
    public int currentTask() { return currentTask; }

    /** The frames of the current task while its step runs (its stored stack is the one it left at its last suspension). */
    private List<Object> running = List.of();

    public List<Object> runningFrames() { return running; }

    public void printErr(String s) {
        if (footprint != null) footprint.write(Footprint.OUTPUT);
        err = Printed.then(err, s, 0);
    }

    /**
     * What a run printed to one stream: the last string printed, after what was printed before
     * it, and (for stdout) a running 64-bit hash of all of it, for state fingerprints
     * ({@link #outHash}) and to compare outputs ({@link #startsWith}). Immutable, so the copies of a run share what they printed before the copy and a copy
     * costs nothing, however much was printed.
     */
    public record Printed(Printed before, String last, int length, long hash) {
        static Printed then(Printed p, String s, long hash) { return s.isEmpty() ? p : new Printed(p, s, length(p) + s.length(), hash); }

        static int length(Printed p) { return p == null ? 0 : p.length; }

        static long hash(Printed p) { return p == null ? 0 : p.hash; }

        /** The hash after {@code h} of the first {@code n} characters of {@code s}. */
        static long roll(long h, String s, int n) {
            for (int i = 0; i < n; i++) h = (Long.rotateLeft(h, 23) ^ s.charAt(i)) * 0x9E3779B97F4A7C15L;
            return h;
        }

        /** The hash of the first {@code n} characters printed to {@code p} (at most all of them). */
        static long prefixHash(Printed p, int n) {
            while (p != null && p.length - p.last.length() >= n) p = p.before;
            if (p == null) return 0;
            if (p.length == n) return p.hash;
            return roll(hash(p.before), p.last, n - (p.length - p.last.length()));
        }

        /**
         * Whether what {@code p} holds starts with what {@code prefix} holds: by length and
         * hash, so a collision may say yes wrongly, never no.
         */
        public static boolean startsWith(Printed p, Printed prefix) {
            int n = length(prefix);
            return n == 0 || length(p) >= n && prefixHash(p, n) == prefix.hash;
        }

        /** Whether one of the two starts with the other. */
        public static boolean comparable(Printed a, Printed b) { return startsWith(a, b) || startsWith(b, a); }

        static String text(Printed p) {
            if (p == null) return "";
            if (p.before == null) return p.last;
            char[] all = new char[p.length];
            for (Printed q = p; q != null; q = q.before) q.last.getChars(0, q.last.length(), all, q.length - q.last.length());
            return new String(all);
        }
    }

    /** What this run printed to stdout so far, as it stands (null: nothing). */
    public Printed printed() { return out; }

    public String stdout() { return Printed.text(out); }

    /** How many characters were printed to stdout so far. */
    public int stdoutLength() { return Printed.length(out); }

    public String stderr() { return Printed.text(err); }

    public double time() { return clock; }

    // ------------------------------------------------------------------ futures

    @Override public boolean done(int fut) { return fut(fut).done(); }

    @Override public boolean cancelled(int fut) { return fut(fut).cancelled(); }

    public boolean futDone(int id) { return fut(id).done(); }

    public Future fut(int id) {
        Object o = get(id);
        if (o instanceof FutureObj f) return f.f();
        if (o instanceof TaskObj t) return t.f();
        throw PyRaise.of(PyType.TYPE_ERROR, "not a future");
    }

    public boolean isFuture(Object v) {
        return v instanceof Ref r && (get(r.id()) instanceof FutureObj || get(r.id()) instanceof TaskObj);
    }

    void putFut(int id, Future f) {
        Object o = get(id);
        if (o instanceof FutureObj fo) set(id, new FutureObj(f, fo.children(), fo.cancelRequested()));
        else {
            TaskObj t = (TaskObj) o;
            set(id, new TaskObj(f, t.t(), t.coro(), t.stack()));
        }
    }

    public int createFuture() { return alloc(new FutureObj(Future.NEW, null, false)); }

    private void fire(int id, Future.Fired fired) {
        putFut(id, fired.state());
        for (Object cb : fired.callbacks()) callSoon(cb, Vec.of(new Ref(id)), -1);
    }

    public void setResult(int id, Object v) {
        if (get(id) instanceof TaskObj) throw PyRaise.of(PyType.RUNTIME_ERROR, "Task does not support set_result operation");
        requirePending(id);
        fire(id, fut(id).setResult(v));
    }

    public void setException(int id, Object exc) {
        if (get(id) instanceof TaskObj) throw PyRaise.of(PyType.RUNTIME_ERROR, "Task does not support set_exception operation");
        requirePending(id);
        if (fut(id).done()) fut(id).setException(exc);   // InvalidStateError, before the exception is looked at
        PyExc e = exc instanceof PyType t && t.isException() ? new PyExc(t, Vec.of()) : exc instanceof PyExc x ? x : null;
        if (e == null) throw PyRaise.of(PyType.TYPE_ERROR, "invalid exception object");
        if (e.type.isSubclassOf(PyType.STOP_ITERATION)) {
            // A StopIteration would end the coroutine that awaits the future, as if it returned.
            String why = "StopIteration interacts badly with generators and cannot be raised into a Future";
            if (version().has(lockstep.core.Delta.FUTURE_REFUSES_STOP_ITERATION)) {
                if (e.type == PyType.STOP_ITERATION) throw PyRaise.of(PyType.TYPE_ERROR, why);
            } else {
                e = new PyExc(PyType.RUNTIME_ERROR, Vec.of(why));
            }
        }
        fire(id, fut(id).setException(e));
    }

    /** 3.10 words the InvalidStateError of completing a done future with its state and repr ({@link lockstep.core.Delta#FUTURE_STATE_MESSAGES}). */
    private void requirePending(int id) {
        Future f = fut(id);
        if (f.done() && version().has(lockstep.core.Delta.FUTURE_STATE_MESSAGES)) {
            throw PyRaise.of(PyType.INVALID_STATE_ERROR, f.status() + ": " + Py.repr(this, new Ref(id)));
        }
    }

    /** Future.cancel / Task.cancel / _GatheringFuture.cancel, by the object's kind. */
    public boolean cancel(int id, Object msg) {
        Object o = get(id);
        if (o instanceof TaskObj) return cancelTask(id, msg);
        FutureObj fo = (FutureObj) o;
        if (fo.children() != null) {
            if (fo.f().done()) return false;
            boolean ret = false;
            for (int child : fo.children()) if (cancel(child, msg)) ret = true;
            if (ret) {
                FutureObj now = (FutureObj) get(id);
                set(id, new FutureObj(now.f(), now.children(), true));
            }
            return ret;
        }
        Future.Fired fired = fo.f().cancel(msg);
        if (fired == null) return false;
        fire(id, fired);
        return true;
    }

    /** result(): the value, or raises the exception / CancelledError / InvalidStateError. */
    public Object futResult(int id) {
        Future f = fut(id);
        if (f.cancelled()) throw new PyRaise(makeCancelledError(id));
        if (!f.done()) throw PyRaise.of(PyType.INVALID_STATE_ERROR,
                version().has(lockstep.core.Delta.FUTURE_STATE_MESSAGES) ? "Result is not ready." : "Result is not set.");
        if (f.exception() != null) throw new PyRaise((PyExc) f.exception());
        return f.result();
    }

    public Object futException(int id) {
        Future f = fut(id);
        if (f.cancelled()) throw new PyRaise(makeCancelledError(id));
        if (!f.done()) throw PyRaise.of(PyType.INVALID_STATE_ERROR, "Exception is not set.");
        return f.exception() == null ? Interp.NONE : f.exception();
    }

    /** _make_cancelled_error(): the remembered CancelledError once, else a new one with the cancel message. */
    public PyExc makeCancelledError(int id) {
        Future f = fut(id);
        if (f.cancelledExc() != null) {
            putFut(id, f.withoutCancelledExc());
            if (!version().has(lockstep.core.Delta.CANCELLED_TASK_RAISES_ANEW)) return (PyExc) f.cancelledExc();
        }
        Object msg = f.cancelMessage();
        return new PyExc(PyType.CANCELLED_ERROR, msg == null || msg == Interp.NONE ? Vec.of() : Vec.of(msg));
    }

    public void addDoneCallback(int id, Object cb) {
        Future f = fut(id);
        if (f.done()) callSoon(cb, Vec.of(new Ref(id)), -1);
        else putFut(id, f.addCallback(cb));
    }

    public int removeDoneCallback(int id, Object cb) {
        Future f = fut(id);
        Future g = f.removeCallback(cb);
        putFut(id, g);
        return f.callbacks().size() - g.callbacks().size();
    }

    public int gatheringFuture(Vec<Integer> children) {
        return alloc(new FutureObj(Future.NEW, children, false));
    }

    // ------------------------------------------------------------------ tasks

    /** create_task(): a new task, named Task-N unless named, whose first step is scheduled now. */
    public int createTask(Object coro, Object name) {
        if (footprint != null) footprint.write(Footprint.TASKS);
        String n = taskName(name);   // CPython names the task, using up a number, before it looks at the coroutine
        if (!(coro instanceof Ref r) || !(get(r.id()) instanceof CoroObj co)) {
            throw PyRaise.of(PyType.TYPE_ERROR, "a coroutine was expected, got " + Py.repr(this, coro));
        }
        if (tasks.size() >= MAX_TASKS) throw new ResourceBound("more than " + MAX_TASKS + " tasks");
        int id = alloc(new TaskObj(Future.NEW, Task.named(n), r.id(), Vec.of()));
        tasks.add(id);
        callSoon(new TaskStep(id, null), Vec.of(), -1);
        return id;
    }

    /**
     * A new task's name: {@code Task-N} from the counter when unnamed. A named task uses
     * up a number too in 3.12 (asyncio.create_task creates it unnamed and renames it),
     * not from 3.13 ({@link lockstep.core.Delta#CREATE_TASK_NAMES_AT_ONCE}).
     */
    private String taskName(Object name) {
        boolean named = name != null && name != Interp.NONE;
        if (named && version().has(lockstep.core.Delta.CREATE_TASK_NAMES_AT_ONCE)) return Py.str(this, name);
        String n = "Task-" + (++taskCounter);
        return named ? Py.str(this, name) : n;
    }

    public TaskObj task(int id) { return (TaskObj) get(id); }

    void putTask(int id, Task t) {
        TaskObj o = task(id);
        set(id, new TaskObj(o.f(), t, o.coro(), o.stack()));
    }

    /** Task.cancel(msg) of 3.12: count the request, cancel the awaited future, else cancel at the next step. */
    boolean cancelTask(int id, Object msg) {
        TaskObj o = task(id);
        if (o.f().done()) return false;
        putTask(id, o.t().requestCancel());
        int waiter = o.t().waitingOn();
        if (waiter >= 0 && cancel(waiter, msg)) return true;
        putTask(id, task(id).t().cancelAtNextStep(msg));
        return true;
    }

    /** Task.__step: resume the coroutine (send None or throw exc) and act on what it yields. */
    void taskStep(int id, PyExc exc) {
        TaskObj o = task(id);
        if (o.f().done()) {
            throw PyRaise.of(PyType.INVALID_STATE_ERROR, "_step(): already done");
        }
        Task t = o.t();
        if (t.mustCancel()) {
            if (exc == null || exc.type != PyType.CANCELLED_ERROR) {
                Object msg = t.cancelMessage();
                exc = new PyExc(PyType.CANCELLED_ERROR, msg == null || msg == Interp.NONE ? Vec.of() : Vec.of(msg));
            }
        }
        putTask(id, t.startStep());
        currentTask = id;
        List<Object> st = new ArrayList<>();
        if (o.stack().isEmpty()) {
            CoroObj co = (CoroObj) get(o.coro());
            if (co.state() == CoroObj.CREATED) {
                set(o.coro(), new CoroObj(null, co.name(), CoroObj.RUNNING, co.code()));
                st.add(co.frame());
            }
        } else {
            for (Object fr : o.stack()) st.add(fr);
        }
        Interp.Outcome out;
        running = st;
        if (st.isEmpty()) out = Interp.Outcome.raise(PyExc.of(PyType.RUNTIME_ERROR, "cannot reuse already awaited coroutine"));
        else out = Interp.drive(this, st, exc == null ? Interp.NONE : null, exc);
        running = List.of();
        currentTask = -1;
        TaskObj now = task(id);
        set(id, new TaskObj(now.f(), now.t(), now.coro(), out.kind() == Interp.Outcome.SUSPEND ? stored(st) : Vec.of()));
        Task tt = now.t();
        switch (out.kind()) {
            case Interp.Outcome.RETURN -> {
                if (tt.mustCancel()) {
                    putTask(id, tt.cancellationDelivered());
                    fire(id, task(id).f().cancel(tt.cancelMessage()));
                } else {
                    fire(id, now.f().setResult(out.value()));
                }
            }
            case Interp.Outcome.RAISE -> {
                if (out.exc().type == PyType.CANCELLED_ERROR) fire(id, now.f().cancelWith(out.exc()));
                else fire(id, now.f().setException(out.exc()));
            }
            default -> {
                int fut = out.fut();
                if (fut < 0) {
                    callSoon(new TaskStep(id, null), Vec.of(), -1);
                } else if (fut == id) {
                    callSoon(new TaskStep(id, PyExc.of(PyType.RUNTIME_ERROR, "Task cannot await on itself: "
                            + Py.repr(this, new Ref(id)))), Vec.of(), -1);
                } else {
                    addDoneCallback(fut, new TaskWakeup(id));
                    putTask(id, task(id).t().blockOn(fut));
                    Task t2 = task(id).t();
                    if (t2.mustCancel() && cancel(fut, t2.cancelMessage())) {
                        putTask(id, task(id).t().cancellationDelivered());
                    }
                }
            }
        }
    }

    /** The frames a task suspended in, as part of the state. */
    private static Vec<Object> stored(List<Object> frames) {
        for (Object fr : frames) if (fr instanceof Frame f) f.stored();
        return Vec.copyOf(frames);
    }

    /** Task.__wakeup(future): step with the future's exception, or with nothing. */
    void taskWakeup(int id, int fut) {
        PyExc exc = null;
        try {
            futResult(fut);
        } catch (PyRaise e) {
            exc = e.exc;
        }
        taskStep(id, exc);
    }

    // ------------------------------------------------------------------ the loop

    public int callSoon(Object fn, Vec<Object> args, int handle) {
        if (footprint != null) footprint.queued();
        ready.add(new Callback(fn, args, handle));
        return handle;
    }

    /** call_soon returning a cancellable Handle object. */
    public int callSoonHandle(Object fn, Vec<Object> args) {
        int h = alloc(new HandleObj(false, false, 0));
        callSoon(fn, args, h);
        return h;
    }

    /** call_at: push on the timer heap (heapq.heappush, ordered by {@link Timer#before}). */
    public int callAt(double when, Object fn, Vec<Object> args) {
        if (footprint != null) footprint.write(Footprint.TIMERS);
        int h = alloc(new HandleObj(false, true, when));
        timers.add(new Timer(when, new Callback(fn, args, h)));
        siftDown(0, timers.size() - 1);
        return h;
    }

    public void cancelHandle(int h) {
        HandleObj o = (HandleObj) get(h);
        if (o.cancelled()) return;
        set(h, new HandleObj(true, o.timer(), o.when()));
        if (footprint != null) footprint.cancelledHandle();
        if (o.timer() && timerScheduled(h)) {
            if (footprint != null) footprint.write(Footprint.TIMERS);
            timerCancelledCount++;
        }
    }

    private boolean timerScheduled(int h) {
        for (Timer t : timers) if (t.cb().handle() == h) return true;
        return false;
    }

    boolean handleCancelled(Callback cb) {
        return cb.handle() >= 0 && ((HandleObj) get(cb.handle())).cancelled();
    }

    public int readyCount() { return ready.size() - readyHead; }

    public int batchLeft() { return batchLeft; }

    public boolean stopping() { return stopping; }

    public void clearStopping() { stopping = false; }

    public int heapSize() { return heapSize; }

    /** asyncio.run opens a new loop. */
    public void openLoop() {
        loopRunning = true;
        resetLoop();
    }

    /** run_until_complete starts: one more phase of the run (part of the state: the same queues mean other things then). */
    public void nextPhase() { phase++; }

    /** asyncio.run closes its loop. */
    public void closeLoop() {
        loopRunning = false;
        resetLoop();
    }

    /** A new event loop for asyncio.run: empty queues, clock at 0. */
    public void resetLoop() {
        ready.clear();
        readyHead = 0;
        timers.clear();
        clock = 0;
        stopping = false;
        timerCancelledCount = 0;
        batchLeft = 0;
    }

    public boolean hasTimers() { return !timers.isEmpty(); }

    /**
     * Whether nothing is ready but cancelled handles (which the loop drops): the loop then
     * ends the iteration, moves the clock and fires due timers before anything else runs.
     */
    /** Whether ready handle {@code i} (0: the head of the queue) is live: not cancelled. */
    public boolean readyLive(int i) { return !handleCancelled(ready.get(readyHead + i)); }

    public boolean nothingLiveReady() {
        for (int i = readyHead; i < ready.size(); i++) if (!handleCancelled(ready.get(i))) return false;
        return true;
    }

    /**
     * Whether the split of the ready queue into the current batch and the handles queued
     * during it can still change what happens: only while some handle is ready and either
     * the loop is stopping (it stops when the batch is done, leaving the others for the
     * next run_until_complete) or a live timer is already due (it joins the queue when the
     * batch is done). Otherwise the end of an iteration only starts the next one: nothing
     * waits for it, and the clock moves only when nothing at all is ready.
     */
    public boolean batchMatters() {
        if (readyCount() == 0) return false;
        if (stopping) return true;
        double end = clock + CLOCK_RESOLUTION;
        for (Timer t : timers) if (!(t.when() >= end) && !handleCancelled(t.cb())) return true;
        return false;
    }

    /** The deadline at the top of the timer heap (there must be one). */
    public double nextTimerWhen() { return timers.get(0).when(); }

    /**
     * The start of one _run_once iteration: drop cancelled timers, advance the virtual
     * clock if nothing is ready, move due timers to the ready queue. Returns false on
     * deadlock (nothing ready, no timer, not stopping: CPython would block forever).
     */
    public boolean beginIteration() {
        int sched = timers.size();
        if (sched > 100 && (double) timerCancelledCount / sched > 0.5) {
            ArrayList<Timer> live = new ArrayList<>();
            for (Timer t : timers) if (!handleCancelled(t.cb())) live.add(t);
            timers.clear();
            timers.addAll(live);
            heapify();
            timerCancelledCount = 0;
        } else {
            while (!timers.isEmpty() && handleCancelled(timers.get(0).cb())) {
                timerCancelledCount--;
                heappop();
            }
        }
        if (readyCount() == 0 && !stopping) {
            if (timers.isEmpty()) return false;
            double timeout = Math.min(Math.max(0, timers.get(0).when() - clock), MAXIMUM_SELECT_TIMEOUT);
            if (timeout > 0) clock += timeout;
        }
        double end = clock + CLOCK_RESOLUTION;
        // CPython stops at "handle._when >= end_time", which is false for a NaN deadline.
        while (!timers.isEmpty() && !(timers.get(0).when() >= end)) ready.add(heappop().cb());
        compactReady();
        batchLeft = readyCount();
        return true;
    }

    private void compactReady() {
        if (readyHead > 64 && readyHead * 2 > ready.size()) {
            ready.subList(0, readyHead).clear();
            readyHead = 0;
        }
    }

    /**
     * Removes ready handle number {@code index} (0 = the head, CPython's choice) and runs
     * it. A handle of the current batch uses up one place of the batch; one queued during
     * this iteration (an explored reordering) does not.
     */
    public Callback runHandle(int index) {
        Callback cb = index == 0 ? ready.get(readyHead) : ready.remove(readyHead + index);
        if (index == 0) ready.set(readyHead++, null);
        if (index < batchLeft) batchLeft--;
        runCallback(cb);
        return cb;
    }

    /** Drops cancelled handles from the ready queue: CPython skips them when it reaches them. */
    public void dropCancelledReady() {
        for (int i = readyHead; i < ready.size(); ) {
            if (handleCancelled(ready.get(i))) {
                if (i - readyHead < batchLeft) batchLeft--;
                if (i == readyHead) ready.set(readyHead++, null);
                else ready.remove(i);
                if (i == readyHead - 1) i = readyHead;
            } else {
                i++;
            }
        }
    }

    public Callback peekReady(int index) { return ready.get(readyHead + index); }

    private void runCallback(Callback cb) {
        Object fn = cb.fn();
        if (fn instanceof TaskStep ts) { taskStep(ts.task(), ts.exc()); return; }
        if (fn instanceof TaskWakeup tw) { taskWakeup(tw.task(), ((Ref) cb.args().get(0)).id()); return; }
        if (fn instanceof StopLoop) {
            int fut = ((Ref) cb.args().get(0)).id();
            Future f = fut(fut);
            if (!f.cancelled() && f.exception() instanceof PyExc e
                    && (e.type == PyType.SYSTEM_EXIT || e.type == PyType.KEYBOARD_INTERRUPT)) return;
            if (footprint != null) footprint.write(Footprint.STOP);
            stopping = true;
            return;
        }
        try {
            Interp.callSync(this, fn, cb.args().toArray(), null);
        } catch (PyRaise e) {
            if (footprint != null) footprint.write(Footprint.OUTPUT);
            String call = callbackText(fn, cb.args());
            printErr("Exception in callback " + call + "\nhandle: <"
                    + (cb.handle() >= 0 && ((HandleObj) get(cb.handle())).timer() ? "TimerHandle" : "Handle") + ' '
                    + call + ">\n" + Py.formatExceptionOnly(this, e.exc) + '\n');
        }
    }

    /** A callback as CPython's events._format_callback shows it: {@code cb(1)}, {@code Lock.release()}. */
    private String callbackText(Object fn, Vec<Object> args) {
        String name;
        if (fn instanceof Func f) name = f.qualname();
        else if (AsyncioApi.isGatherDone(fn)) name = AsyncioApi.GATHER_DONE_NAME;
        else if (fn instanceof BoundMethod bm) name = Py.typeOf(this, bm.self()).name + "." + bm.name();
        else if (fn instanceof Builtin b) name = b.name();
        else name = Py.repr(this, fn);
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size(); i++) sb.append(i > 0 ? ", " : "").append(Py.repr(this, args.get(i)));
        return sb.append(')').toString();
    }

    // heapq's sifts, with Timer.before as its "<".
    private void siftDown(int startpos, int pos) {
        Timer newitem = timers.get(pos);
        while (pos > startpos) {
            int parentpos = (pos - 1) >> 1;
            Timer parent = timers.get(parentpos);
            if (newitem.before(parent)) {
                timers.set(pos, parent);
                pos = parentpos;
                continue;
            }
            break;
        }
        timers.set(pos, newitem);
    }

    private void siftUp(int pos) {
        int endpos = timers.size();
        int startpos = pos;
        Timer newitem = timers.get(pos);
        int childpos = 2 * pos + 1;
        while (childpos < endpos) {
            int rightpos = childpos + 1;
            if (rightpos < endpos && !timers.get(childpos).before(timers.get(rightpos))) childpos = rightpos;
            timers.set(pos, timers.get(childpos));
            pos = childpos;
            childpos = 2 * pos + 1;
        }
        timers.set(pos, newitem);
        siftDown(startpos, pos);
    }

    private Timer heappop() {
        Timer last = timers.remove(timers.size() - 1);
        if (timers.isEmpty()) return last;
        Timer ret = timers.get(0);
        timers.set(0, last);
        siftUp(0);
        return ret;
    }

    private void heapify() {
        for (int i = timers.size() / 2 - 1; i >= 0; i--) siftUp(i);
    }

    /** Tasks not done, in creation order (the model's all_tasks()); the runner's look, not a read of the running step. */
    public List<Integer> pendingTasks() { return pendingTasks(NO_TASKS); }

    private static final BitSet NO_TASKS = new BitSet();

    /** The pending tasks, in creation order, but those in {@code except} (by id; only read). */
    public List<Integer> pendingTasks(BitSet except) {
        List<Integer> l = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            Integer t = tasks.get(i);
            if (!except.get(t) && ((TaskObj) heap[t]).f().status() == Future.Status.PENDING) l.add(t);
        }
        return l;
    }
}
