package lockstep.vm;

import lockstep.core.*;
import lockstep.vm.Builtins.Args;
import lockstep.vm.Obj.*;
import lockstep.vm.Values.*;

import java.util.Arrays;
import java.util.List;

import static lockstep.vm.Builtins.*;

/**
 * asyncio's synchronous surface: constructors and non-suspending methods of the six
 * primitives, futures, tasks, the loop, timeout(), and the natives through which the
 * prelude's coroutines apply the core transitions.
 */
public final class AsyncioApi {
    private AsyncioApi() {}

    static void define() {
        primitives();
        lockNatives();
        eventNatives();
        conditionNatives();
        semaphoreNatives();
        barrierNatives();
        futures();
        tasks();
        loop();
        timeouts();
        for (String e : List.of("CancelledError", "TimeoutError", "BrokenBarrierError", "InvalidStateError")) {
            defineAsyncio(e, PyType.byName(e));
        }
        for (String f : List.of("sleep", "gather", "wait_for", "shield", "ensure_future")) {
            defineAsyncio(f, new PreludeName(f));
        }
    }

    /** What 3.10 lacks ({@link Delta#NO_3_11_API}): asyncio's attributes and the methods of tasks. */
    private static final java.util.Set<String> ARRIVED_IN_3_11 = java.util.Set.of("asyncio.Barrier", "asyncio.BrokenBarrierError",
            "asyncio.timeout", "asyncio.timeout_at", "asyncio.Timeout", "Task.cancelling", "Task.uncancel");

    /** Whether {@code owner.name} ({@code asyncio.timeout}) does not exist in the run's version (the name is built only then). */
    static boolean absent(Machine m, String owner, String name) {
        return m.version().has(Delta.NO_3_11_API) && arrivedIn311(owner + "." + name);
    }

    /** Whether {@code qualified} is among what 3.10 lacks, whatever the run's version. */
    static boolean arrivedIn311(String qualified) {
        return ARRIVED_IN_3_11.contains(qualified);
    }

    /** An attribute of asyncio as the run's version has it: before 3.11 asyncio.TimeoutError is its own class. */
    static Object versioned(Machine m, Object attribute) {
        return attribute == PyType.TIMEOUT_ERROR ? timeoutError(m) : attribute;
    }

    /** The class of asyncio.TimeoutError in the run's version ({@link Delta#ASYNCIO_TIMEOUT_ERROR_OF_ITS_OWN}). */
    private static PyType timeoutError(Machine m) {
        return m.version().has(Delta.ASYNCIO_TIMEOUT_ERROR_OF_ITS_OWN) ? PyType.ASYNCIO_TIMEOUT_ERROR : PyType.TIMEOUT_ERROR;
    }

    /** An asyncio attribute implemented in the prelude, by name and global slot; resolved when read. */
    record PreludeName(String name, int slot) {
        PreludeName(String name) { this(name, Program.preludeSlot(name)); }
    }

    private static void wake(Machine m, Vec<Wake> wakes) {
        for (Wake w : wakes) m.setResult(w.future(), w.result());
    }

    private static LockObj lock(Machine m, int id) { return (LockObj) m.get(id); }
    private static EventObj event(Machine m, int id) { return (EventObj) m.get(id); }
    private static CondObj cond(Machine m, int id) { return (CondObj) m.get(id); }
    private static SemObj sem(Machine m, int id) { return (SemObj) m.get(id); }
    private static BarrierObj barrier(Machine m, int id) { return (BarrierObj) m.get(id); }

    private static boolean lockHeld(Machine m, int condId) {
        return lock(m, cond(m, condId).s().lock()).s().locked();
    }

    // ------------------------------------------------------------------ constructors and sync methods

    private static final Object REQUIRED = new Object();

    /**
     * Binds a constructor's arguments as Python would for Cls.__init__(self, names...); in
     * 3.10 ({@link Delta#LOOP_PARAMETER_REFUSED_IN_WORDS}) a loop= keyword binds, then is refused.
     */
    static Object[] bind(Machine m, Args a, String cls, String[] names, Object[] defaults) {
        String fn = cls + ".__init__()";
        boolean loopParameter = m.version().has(Delta.LOOP_PARAMETER_REFUSED_IN_WORDS);
        if (a.size() > names.length) {
            int n = names.length + 1;
            throw Interp.tooManyPositional(cls + ".__init__", defaults.length > 0 && defaults[0] != REQUIRED ? 1 : n, n, a.size() + 1, 0);
        }
        Object[] out = new Object[names.length];
        for (int i = 0; i < a.size(); i++) out[i] = a.get(i);
        for (java.util.Map.Entry<String, Object> e : a.kw.entrySet()) {
            if (loopParameter && e.getKey().equals("loop")) continue;
            int i = java.util.Arrays.asList(names).indexOf(e.getKey());
            if (i < 0) throw PyRaise.of(PyType.TYPE_ERROR, fn + " got an unexpected keyword argument '" + e.getKey() + "'");
            if (out[i] != null) throw PyRaise.of(PyType.TYPE_ERROR, fn + " got multiple values for argument '" + e.getKey() + "'");
            out[i] = e.getValue();
        }
        for (int i = 0; i < names.length; i++) {
            if (out[i] == null) {
                if (defaults[i] == REQUIRED) throw PyRaise.of(PyType.TYPE_ERROR, fn + " missing 1 required positional argument: '" + names[i] + "'");
                out[i] = defaults[i];
            }
        }
        if (loopParameter && a.kw.containsKey("loop")) {
            throw PyRaise.of(PyType.TYPE_ERROR, "As of 3.10, the *loop* parameter was removed from " + cls + "() since it is no longer necessary");
        }
        return out;
    }

    private static void primitives() {
        defineAsyncio("Lock", PyType.LOCK);
        defineImpl("type:Lock", (m, a) -> {
            bind(m, a, "Lock", new String[0], new Object[0]);
            return ref(m.alloc(new LockObj(Lock.NEW)));
        });
        defineAsyncio("Event", PyType.EVENT);
        defineImpl("type:Event", (m, a) -> {
            bind(m, a, "Event", new String[0], new Object[0]);
            return ref(m.alloc(new EventObj(Event.NEW)));
        });
        defineAsyncio("Condition", PyType.CONDITION);
        defineImpl("type:Condition", (m, a) -> {
            Object l = bind(m, a, "Condition", new String[]{"lock"}, new Object[]{NONE})[0];
            int lockId;
            if (l == NONE) lockId = m.alloc(new LockObj(Lock.NEW));
            else if (l instanceof Ref r && m.get(r.id()) instanceof LockObj) lockId = r.id();
            else if (l instanceof Ref r && (m.get(r.id()) instanceof SemObj || m.get(r.id()) instanceof CondObj)) {
                // CPython takes any object with locked(), acquire() and release(); the model only a Lock
                throw PyRaise.of(PyType.TYPE_ERROR, "lockstep: Condition(lock=...) takes an asyncio.Lock");
            } else {
                throw PyRaise.of(PyType.ATTRIBUTE_ERROR, "'" + Py.typeOf(m, l).name + "' object has no attribute 'locked'");
            }
            return ref(m.alloc(new CondObj(Condition.over(lockId))));
        });
        defineAsyncio("Semaphore", PyType.SEMAPHORE);
        defineImpl("type:Semaphore", (m, a) -> ref(m.alloc(new SemObj(Semaphore.create(
                comparedCount(m, bind(m, a, "Semaphore", new String[]{"value"}, new Object[]{1L})[0], 0L, "value"), false, m.version())))));
        defineAsyncio("BoundedSemaphore", PyType.BOUNDED_SEMAPHORE);
        defineImpl("type:BoundedSemaphore", (m, a) -> ref(m.alloc(new SemObj(Semaphore.create(
                comparedCount(m, bind(m, a, "BoundedSemaphore", new String[]{"value"}, new Object[]{1L})[0], 0L, "value"), true, m.version())))));
        defineAsyncio("Barrier", PyType.BARRIER);
        defineImpl("type:Barrier", (m, a) -> {
            long parties = comparedCount(m, bind(m, a, "Barrier", new String[]{"parties"}, new Object[]{REQUIRED})[0], 1L, "parties");
            Barrier.checkParties(parties, m.version());
            int condId = m.alloc(new CondObj(Condition.over(m.alloc(new LockObj(Lock.NEW)))));
            return ref(m.alloc(new BarrierObj(Barrier.create(condId, parties, m.version()))));
        });

        definePreludeMethod("Lock", "acquire");
        definePreludeMethod("Lock", "__aenter__");
        defineMethod("Lock.release", (m, a) -> { lockRelease(m, positional(a, "Lock.release", 1, 1).ref(0)); return NONE; });
        defineMethod("Lock.locked", (m, a) -> lock(m, positional(a, "Lock.locked", 1, 1).ref(0)).s().locked());
        defineMethod("Lock.__aexit__", (m, a) -> { lockRelease(m, a.ref(0)); return immediate(NONE); });

        definePreludeMethod("Event", "wait");
        defineMethod("Event.set", (m, a) -> {
            positional(a, "Event.set", 1, 1);
            Step<Event> s = event(m, a.ref(0)).s().set(m);
            m.set(a.ref(0), new EventObj(s.state()));
            wake(m, s.wakes());
            return NONE;
        });
        defineMethod("Event.clear", (m, a) -> {
            positional(a, "Event.clear", 1, 1);
            m.set(a.ref(0), new EventObj(event(m, a.ref(0)).s().clear()));
            return NONE;
        });
        defineMethod("Event.is_set", (m, a) -> event(m, positional(a, "Event.is_set", 1, 1).ref(0)).s().value());

        definePreludeMethod("Condition", "wait");
        definePreludeMethod("Condition", "wait_for");
        definePreludeMethod("Condition", "__aenter__");
        defineMethod("Condition.notify", (m, a) -> {
            positional(a, "Condition.notify", 1, 2);
            notify(m, a.ref(0), a.opt(1, "n", 1L), false);
            return NONE;
        });
        defineMethod("Condition.notify_all", (m, a) -> {
            positional(a, "Condition.notify_all", 1, 1);
            notify(m, a.ref(0), (long) cond(m, a.ref(0)).s().waiters().size(), true);
            return NONE;
        });
        defineMethod("Condition.__aexit__", (m, a) -> { lockRelease(m, cond(m, a.ref(0)).s().lock()); return immediate(NONE); });

        definePreludeMethod("Semaphore", "acquire");
        definePreludeMethod("Semaphore", "__aenter__");
        defineMethod("Semaphore.release", (m, a) -> {
            boolean bounded = sem(m, a.ref(0)).s().bounded();
            semRelease(m, positional(a, bounded ? "BoundedSemaphore.release" : "Semaphore.release", 1, 1).ref(0));
            return NONE;
        });
        defineMethod("Semaphore.locked", (m, a) -> sem(m, positional(a, "Semaphore.locked", 1, 1).ref(0)).s().locked(m));
        defineMethod("Semaphore.__aexit__", (m, a) -> { semRelease(m, a.ref(0)); return immediate(NONE); });

        definePreludeMethod("Barrier", "wait");
        definePreludeMethod("Barrier", "reset");
        definePreludeMethod("Barrier", "abort");
        definePreludeMethod("Barrier", "__aenter__");
        defineMethod("Barrier.__aexit__", (m, a) -> immediate(NONE));
        for (String p : List.of("parties", "n_waiting", "broken", "_waiters")) Builtins.ATTRIBUTES.add(p);
    }

    /**
     * {@code async with} a Lock, a Condition or a Semaphore that can be taken at once: what
     * the prelude's __aenter__ does on its fast path (the same natives, in the same order:
     * {@code _lock_try_take}, {@code _sem_try_take}), without its coroutines, which would
     * return at once; an awaitable done already. Null when the prelude must run (the
     * primitive is taken, or a 3.10 Semaphore).
     */
    static Object enteredAtOnce(Machine m, Object mgr) {
        if (!(mgr instanceof Ref r)) return null;
        Object o = m.peek(r.id());
        boolean taken = o instanceof CondObj ? lockTakenAtOnce(m, cond(m, r.id()).s().lock()) : takenAtOnce(m, r.id(), o);
        return taken ? immediate(NONE) : null;
    }

    /**
     * The fast path of Lock.acquire and Semaphore.acquire (3.11 on) for primitive {@code id},
     * which is {@code o}: whether it took the lock or a unit. False for anything else.
     */
    private static boolean takenAtOnce(Machine m, int id, Object o) {
        return o instanceof LockObj ? lockTakenAtOnce(m, id)
                : o instanceof SemObj && !m.version().has(Delta.SEMAPHORE_BEFORE_REWRITE) && semTakenAtOnce(m, id);
    }

    /**
     * An awaited call of one of the prelude's coroutines that returns at once, done without its
     * frame: what its first lines do, the same natives in the same order, as an awaitable
     * ({@link #enteredAtOnce} for {@code async with}). {@code asyncio.sleep(0, result)}: its one
     * bare yield, then result (the frame would only run around it; a task at a bare yield is
     * shown by its own frames). {@code Lock.acquire} of a free lock ({@code _lock_try_take}),
     * {@code Semaphore.acquire} from 3.11 on ({@code _sem_try_take}), {@code Event.wait} of a
     * set event ({@code _event_is_set}): True. Null when the frame must run.
     */
    static Object returnedAtOnce(Machine m, lockstep.lang.Code c, Object[] locals) {
        if (c == SLEEP) return notPositive(locals[0]) ? new Interp.YieldAwait(false, locals[1]) : null;
        if (c != LOCK_ACQUIRE && c != SEMAPHORE_ACQUIRE && c != EVENT_WAIT || !(locals[0] instanceof Ref r)) return null;
        Object o = m.peek(r.id());
        boolean done = c == EVENT_WAIT ? o instanceof EventObj && eventIsSet(m, r.id()) : takenAtOnce(m, r.id(), o);
        return done ? immediate(Boolean.TRUE) : null;
    }

    private static final lockstep.lang.Code SLEEP = Program.preludeCode("sleep"), LOCK_ACQUIRE = Program.preludeCode("Lock_acquire"),
            SEMAPHORE_ACQUIRE = Program.preludeCode("Semaphore_acquire"), EVENT_WAIT = Program.preludeCode("Event_wait");

    /** An int, bool or float delay that is not above zero (NaN is not: it takes sleep's own path). */
    private static boolean notPositive(Object delay) {
        if (delay instanceof Long l) return l <= 0;
        if (delay instanceof Boolean b) return !b;
        if (delay instanceof Double d) return d <= 0;
        return false;
    }

    /** {@code _sem_try_take} (3.11 on): takes a unit if one is free and no live waiter is queued. */
    private static boolean semTakenAtOnce(Machine m, int id) {
        Semaphore s = sem(m, id).s();
        if (s.locked(m)) return false;
        putSem(m, id, new SemObj(s.take()));
        return true;
    }

    /** {@code _lock_try_take}: takes the lock if it is free and nobody but cancelled waiters is queued. */
    private static boolean lockTakenAtOnce(Machine m, int id) {
        Lock l = lock(m, id).s();
        if (!l.canTakeNow(m)) return false;
        m.observer().lockTaken(m, id, l, -1);
        m.set(id, new LockObj(l.take()));
        return true;
    }

    static void lockRelease(Machine m, int id) {
        Step<Lock> s = lock(m, id).s().release(m);
        m.observer().lockReleased(m, id);
        m.set(id, new LockObj(s.state()));
        wake(m, s.wakes());
    }

    /**
     * Installs a semaphore state (not when a transition left it as it was: a read, then, not a
     * write), the monitors checking its bounds (never negative, never above a bound).
     */
    private static void putSem(Machine m, int id, SemObj s) {
        if (s.s() != ((SemObj) m.peek(id)).s()) m.set(id, s);
        m.observer().semaphoreChanged(m, id, s.s());
    }

    /**
     * notify(n), or notify_all() ({@code all}: 3.12's notify(len(waiters)), which the observer is
     * not told of). The lock must be held first (RuntimeError), then n is compared with each
     * waiter's place, as locks.py does: an n that is not a number fails only once there is a
     * waiter to compare.
     */
    private static void notify(Machine m, int id, Object nArg, boolean all) {
        boolean held = lockHeld(m, id);
        long n = 0;
        if (held && Ints.isInt(nArg)) n = intArg(m, nArg, "n");
        else if (held && !cond(m, id).s().waiters().isEmpty()) Py.order(m, ">=", 0L, nArg);
        Step<Condition> s = cond(m, id).s().notify(held, n, m);
        if (!all) m.observer().notified(m, id, s.wakes());
        wake(m, s.wakes());
    }

    /**
     * The positional arguments of a primitive's method that CPython writes in Python (self
     * counted), between lo and hi, none by keyword but those it names; CPython's TypeError
     * ("Event.set() takes 1 positional argument but 2 were given") otherwise.
     */
    private static Builtins.Args positional(Builtins.Args a, String qualname, int lo, int hi) {
        if (a.size() > hi) throw Interp.tooManyPositional(qualname, lo, hi, a.size(), 0);
        return a;
    }

    /** The one argument of Future.set_result or set_exception (self aside), with the version's error when it is missing or not alone. */
    private static Object futureArgument(Machine m, Builtins.Args a, String method, String param) {
        int n = a.size() - 1;
        if (n == 1) return a.get(1);
        if (m.version().has(lockstep.core.Delta.FUTURE_IN_PYTHON) && n == 0) {
            throw PyRaise.of(PyType.TYPE_ERROR, "Future." + method + "() missing 1 required positional argument: '" + param + "'");
        }
        if (m.version().has(lockstep.core.Delta.FUTURE_IN_PYTHON)) {
            throw PyRaise.of(PyType.TYPE_ERROR, "Future." + method + "() takes 2 positional arguments but " + (n + 1) + " were given");
        }
        if (m.version().has(lockstep.core.Delta.FUTURE_METHODS_TAKE_ONE_ARGUMENT)) {
            throw PyRaise.of(PyType.TYPE_ERROR, "Future." + method + "() takes exactly one argument (" + n + " given)");
        }
        throw PyRaise.of(PyType.TYPE_ERROR, method + "() takes exactly 1 positional argument (" + n + " given)");
    }

    private static void notifyAll(Machine m, int condId) {
        Step<Condition> s = cond(m, condId).s().notifyAll(lockHeld(m, condId), m);
        wake(m, s.wakes());
    }

    private static void semRelease(Machine m, int id) {
        Step<Semaphore> s = sem(m, id).s().release(m);
        putSem(m, id, new SemObj(s.state()));
        wake(m, s.wakes());
    }

    // ------------------------------------------------------------------ natives of the prelude

    private static void lockNatives() {
        defineNative("_lock_try_take", (m, a) -> lockTakenAtOnce(m, a.ref(0)));
        defineNative("_lock_enqueue", (m, a) -> {
            int fut = m.createFuture();
            m.set(a.ref(0), new LockObj(lock(m, a.ref(0)).s().enqueue(fut)));
            return ref(fut);
        });
        defineNative("_lock_dequeue", (m, a) -> {
            m.removeWaiter(a.ref(0), new LockObj(((LockObj) m.peek(a.ref(0))).s().dequeue(a.ref(1))), a.ref(1));
            return NONE;
        });
        defineNative("_lock_cancelled_waiter", (m, a) -> {
            Lock before = lock(m, a.ref(0)).s();
            Step<Lock> s = before.cancelledWaiter(m);
            if (s.state() != before) m.set(a.ref(0), new LockObj(s.state()));
            wake(m, s.wakes());
            return NONE;
        });
        defineNative("_lock_take", (m, a) -> {
            Lock l = lock(m, a.ref(0)).s();
            m.observer().lockTaken(m, a.ref(0), l, a.ref(1));
            m.set(a.ref(0), new LockObj(l.take()));
            return NONE;
        });
    }

    private static void eventNatives() {
        defineNative("_event_is_set", (m, a) -> eventIsSet(m, a.ref(0)));
        defineNative("_event_enqueue", (m, a) -> {
            int fut = m.createFuture();
            m.joinWaiters(a.ref(0), new EventObj(((EventObj) m.peek(a.ref(0))).s().enqueue(fut)));
            return ref(fut);
        });
        defineNative("_event_dequeue", (m, a) -> {
            m.removeWaiter(a.ref(0), new EventObj(((EventObj) m.peek(a.ref(0))).s().dequeue(a.ref(1))), a.ref(1));
            return NONE;
        });
    }

    /**
     * Event.wait's first look at the flag: read when it is up (the wait returns). When it is
     * down the wait joins the waiters next, in the same step, and that change
     * ({@link Machine#joinWaiters}, which decides how it is recorded) stands for the look too.
     */
    private static boolean eventIsSet(Machine m, int id) {
        boolean up = ((EventObj) m.peek(id)).s().value();
        if (up) m.get(id); // the wait returns: a read
        return up;
    }

    private static void conditionNatives() {
        defineNative("_cond_lock", (m, a) -> ref(cond(m, a.ref(0)).s().lock()));
        defineNative("_cond_release_for_wait", (m, a) -> {
            Condition.checkCanWait(lockHeld(m, a.ref(0)));
            lockRelease(m, cond(m, a.ref(0)).s().lock());
            return NONE;
        });
        defineNative("_cond_enqueue", (m, a) -> {
            int fut = m.createFuture();
            m.set(a.ref(0), cond(m, a.ref(0)).with(cond(m, a.ref(0)).s().enqueue(fut)));
            return ref(fut);
        });
        defineNative("_cond_cancelled_waiter", (m, a) -> {
            int fut = a.ref(1);
            if (m.futDone(fut) && !m.cancelled(fut)) m.observer().notificationLost(m, a.ref(0), fut);
            return NONE;
        });
        defineNative("_cond_notify_waiters", (m, a) -> {
            wake(m, cond(m, a.ref(0)).s().notifyWaiters((Long) a.get(1), m).wakes());
            return NONE;
        });
        defineNative("_cond_dequeue", (m, a) -> {
            CondObj c = (CondObj) m.peek(a.ref(0));
            m.removeWaiter(a.ref(0), c.with(c.s().dequeue(a.ref(1))), a.ref(1));
            return NONE;
        });
    }

    private static void semaphoreNatives() {
        defineNative("_sem_try_take", (m, a) -> semTakenAtOnce(m, a.ref(0)));
        defineNative("_sem_enqueue", (m, a) -> {
            int fut = m.createFuture();
            putSem(m, a.ref(0), new SemObj(sem(m, a.ref(0)).s().enqueue(fut)));
            return ref(fut);
        });
        defineNative("_sem_dequeue", (m, a) -> {
            SemObj s = new SemObj(((SemObj) m.peek(a.ref(0))).s().dequeue(a.ref(1)));
            m.removeWaiter(a.ref(0), s, a.ref(1));
            m.observer().semaphoreChanged(m, a.ref(0), s.s());
            return NONE;
        });
        defineNative("_sem_cancelled_waiter", (m, a) -> {
            Step<Semaphore> s = sem(m, a.ref(0)).s().cancelledWaiter(m.futDone(a.ref(1)) && !m.cancelled(a.ref(1)), m);
            putSem(m, a.ref(0), new SemObj(s.state()));
            wake(m, s.wakes());
            return NONE;
        });
        defineNative("_sem_empty", (m, a) -> sem(m, a.ref(0)).s().empty());
        defineNative("_sem_take", (m, a) -> {
            putSem(m, a.ref(0), new SemObj(sem(m, a.ref(0)).s().take()));
            return NONE;
        });
        defineNative("_sem_abandoned_waiter", (m, a) -> {
            m.cancel(a.ref(1), NONE);
            Step<Semaphore> s = sem(m, a.ref(0)).s().abandonedWaiter(m.cancelled(a.ref(1)), m);
            putSem(m, a.ref(0), new SemObj(s.state()));
            wake(m, s.wakes());
            return NONE;
        });
        defineNative("_sem_resumed_waiter", (m, a) -> {
            m.observer().semaphoreResumed(m, a.ref(0), sem(m, a.ref(0)).s(), a.ref(1));
            Step<Semaphore> s = sem(m, a.ref(0)).s().resumedWaiter(m);
            putSem(m, a.ref(0), new SemObj(s.state()));
            wake(m, s.wakes());
            return NONE;
        });
    }

    private static void barrierNatives() {
        // _bound(f, x): f with x bound as its first argument (CPython's lambda: f(x)), a
        // predicate for wait_for that needs no closure, so the waiter's self is no cell.
        defineNative("_bound", (m, a) -> new BoundMethod(a.get(1), a.get(0), ((Builtin) a.get(0)).name()));
        defineNative("_barrier_cond", (m, a) -> ref(barrier(m, a.ref(0)).s().cond()));
        defineNative("_barrier_admits", (m, a) -> barrier(m, a.ref(0)).s().admitsArrivals());
        defineNative("_barrier_broken", (m, a) -> barrier(m, a.ref(0)).s().broken());
        defineNative("_barrier_tripped", (m, a) -> barrier(m, a.ref(0)).s().tripped());
        defineNative("_barrier_fails", (m, a) -> barrier(m, a.ref(0)).s().failsWaiters());
        defineNative("_barrier_arrive", (m, a) -> {
            BarrierObj b = barrier(m, a.ref(0));
            m.set(a.ref(0), b.with(b.s().arrive()));
            m.observer().barrierArrived(m, a.ref(0));
            return (long) b.s().arrivalIndex();
        });
        defineNative("_barrier_is_last", (m, a) -> barrier(m, a.ref(0)).s().isLast((int) (long) (Long) a.get(1)));
        defineNative("_barrier_drain", (m, a) -> {
            BarrierObj b = barrier(m, a.ref(0));
            m.set(a.ref(0), b.with(b.s().drain()));
            notifyAll(m, b.s().cond());
            return NONE;
        });
        defineNative("_barrier_passed", (m, a) -> {
            m.observer().barrierPassed(m, a.ref(0), barrier(m, a.ref(0)).s(), (Long) a.get(1));
            return NONE;
        });
        defineNative("_barrier_leave", (m, a) -> {
            BarrierObj b = barrier(m, a.ref(0));
            Barrier next = b.s().leave();
            m.set(a.ref(0), b.with(next));
            m.observer().barrierLeft(m, a.ref(0), b.s(), next);
            if (next.allLeft()) notifyAll(m, next.cond());
            return NONE;
        });
        defineNative("_barrier_reset", (m, a) -> {
            BarrierObj b = barrier(m, a.ref(0));
            Barrier next = b.s().reset();
            m.set(a.ref(0), b.with(next));
            m.observer().barrierInterrupted(m, a.ref(0));
            notifyAll(m, next.cond());
            return NONE;
        });
        defineNative("_barrier_abort", (m, a) -> {
            BarrierObj b = barrier(m, a.ref(0));
            Barrier next = b.s().abort();
            m.set(a.ref(0), b.with(next));
            m.observer().barrierInterrupted(m, a.ref(0));
            notifyAll(m, next.cond());
            return NONE;
        });
    }

    // ------------------------------------------------------------------ futures

    private static int fut(Machine m, Object v) {
        if (m.isFuture(v)) return ((Ref) v).id();
        throw PyRaise.of(PyType.TYPE_ERROR, "a Future was expected, got " + Py.repr(m, v));
    }

    private static Object optMsg(Args a) { return a.opt(1, "msg", NONE); }

    private static void futures() {
        defineAsyncio("Future", PyType.FUTURE);
        defineImpl("type:Future", (m, a) -> ref(m.createFuture()));
        defineAsyncio("Task", PyType.TASK);
        defineMethod("Future.done", (m, a) -> m.futDone(a.ref(0)));
        defineMethod("Future.cancelled", (m, a) -> m.cancelled(a.ref(0)));
        defineMethod("Future.result", (m, a) -> m.futResult(a.ref(0)));
        defineMethod("Future.exception", (m, a) -> m.futException(a.ref(0)));
        defineMethod("Future.set_result", (m, a) -> { m.setResult(a.ref(0), futureArgument(m, a, "set_result", "result")); return NONE; });
        defineMethod("Future.set_exception", (m, a) -> { m.setException(a.ref(0), futureArgument(m, a, "set_exception", "exception")); return NONE; });
        defineMethod("Future.cancel", (m, a) -> m.cancel(a.ref(0), optMsg(a)));
        defineMethod("Future.add_done_callback", (m, a) -> { m.addDoneCallback(a.ref(0), a.get(1)); return NONE; });
        defineMethod("Future.remove_done_callback", (m, a) -> (long) m.removeDoneCallback(a.ref(0), a.get(1)));
        defineMethod("Future.get_loop", (m, a) -> new LoopVal());

        defineNative("_create_future", (m, a) -> ref(m.createFuture()));
        defineNative("_future_done", (m, a) -> m.futDone(fut(m, a.get(0))));
        defineNative("_future_cancelled", (m, a) -> m.cancelled(fut(m, a.get(0))));
        defineNative("_future_result", (m, a) -> m.futResult(fut(m, a.get(0))));
        defineNative("_future_exception", (m, a) -> m.futException(fut(m, a.get(0))));
        defineNative("_future_set_result", (m, a) -> { m.setResult(fut(m, a.get(0)), a.get(1)); return NONE; });
        defineNative("_future_set_exception", (m, a) -> { m.setException(fut(m, a.get(0)), a.get(1)); return NONE; });
        defineNative("_future_cancel", (m, a) -> m.cancel(fut(m, a.get(0)), NONE));
        defineNative("_add_done_callback", (m, a) -> { m.addDoneCallback(fut(m, a.get(0)), a.get(1)); return NONE; });
        defineNative("_remove_done_callback", (m, a) -> (long) m.removeDoneCallback(fut(m, a.get(0)), a.get(1)));
        defineNative("_ensure_future", (m, a) -> ref(ensureFuture(m, a.get(0))));
        defineNative("_gather", (m, a) -> ref(gather(m, Py.toList(m, a.get(0)), a.get(1))));
        // The child is not looked at before the callback needs it: as in tasks.py, a callback that
        // only counts it reads nothing of it (partial-order reduction sees what a step reads).
        defineNative(GATHER_DONE, (m, a) -> { gatherDone(m, a.ref(0), a.ref(1)); return NONE; });
        defineNative("_set_result_unless_cancelled", (m, a) -> {
            int f = a.ref(0);
            if (!m.cancelled(f)) m.setResult(f, a.get(1));
            return NONE;
        });
        defineNative("_yield", (m, a) -> BareYield.YIELD);
        defineNative("_has", (m, a) -> m.version().has(Delta.valueOf((String) a.get(0))));
        defineNative("_new_timeout_error", (m, a) -> new PyExc(timeoutError(m), Vec.of()));
        defineNative("_is_nan", (m, a) -> a.get(0) instanceof Double d && d.isNaN());
    }

    /** The native _done_callback of gather(), bound to its {@link GatherObj}. */
    static final String GATHER_DONE = "_gather_done";

    /** How CPython names gather's done callback (its __qualname__), for traces and error messages. */
    public static final String GATHER_DONE_NAME = "gather.<locals>._done_callback";

    /** Whether {@code fn} is gather's done callback. */
    public static boolean isGatherDone(Object fn) {
        return fn instanceof BoundMethod bm && bm.func() instanceof Builtin b && b.name().equals(GATHER_DONE);
    }

    /** ensure_future(): a future as it is, a coroutine wrapped in a new task. */
    private static int ensureFuture(Machine m, Object aw) {
        if (m.isFuture(aw)) return ((Ref) aw).id();
        if (aw instanceof Ref r && m.get(r.id()) instanceof CoroObj) return m.createTask(aw, NONE);
        throw PyRaise.of(PyType.TYPE_ERROR, "An asyncio.Future, a coroutine or an awaitable is required");
    }

    /**
     * tasks.py's gather() of at least one awaitable: a future per distinct awaitable (the same
     * one twice is one child, listed twice), each with the done callback (3.12 on: a child
     * already done is called back at once instead), and the outer future over them.
     * tasks.py's dict of the awaitables seen needs no dict semantics here: each of its keys is
     * a future or a coroutine, equal only to itself ({@link #seenBefore}).
     */
    private static int gather(Machine m, List<Object> aws, Object returnExceptions) {
        int state = m.alloc(new GatherObj(Vec.of(), 0, 0, -1, returnExceptions));
        BoundMethod done = new BoundMethod(new Ref(state), new Builtin(GATHER_DONE), "_done_callback");
        int[] seen = new int[aws.size()];
        Integer[] futOfSeen = new Integer[aws.size()];
        Integer[] children = new Integer[aws.size()];
        int nseen = 0, nchildren = 0;
        List<Integer> doneAlready = new java.util.ArrayList<>();
        GatherObj g;
        try {
            for (Object aw : aws) {
                int known = seenBefore(m, seen, nseen, aw);
                if (known >= 0) {
                    children[nchildren++] = futOfSeen[known];
                    continue;
                }
                int fut = ensureFuture(m, aw);
                futOfSeen[nseen] = fut;
                seen[nseen++] = ((Ref) aw).id(); // ensure_future took it: a future or a coroutine
                children[nchildren++] = fut;
                if (m.futDone(fut) && !m.version().has(Delta.GATHER_DONE_CHILDREN_CALL_BACK)) doneAlready.add(fut);
                else m.addDoneCallback(fut, done);
            }
        } finally { // also when an awaitable is refused: the children called back so far find gather's state as it was then
            g = new GatherObj(Vec.adopt(Arrays.copyOf(children, nchildren)), nseen, 0, -1, returnExceptions);
            m.set(state, g);
        }
        int outer = m.gatheringFuture(g.children());
        m.set(state, g.withOuter(outer));
        for (int fut : doneAlready) gatherDone(m, state, fut);
        return outer;
    }

    /**
     * Where {@code aw} is among the first {@code n} distinct awaitables gather() took (their
     * heap ids), -1 if not: tasks.py's {@code arg not in arg_to_fut}, whose keys are futures
     * and coroutines, each equal only to itself (a list or a dict is refused as unhashable).
     */
    private static int seenBefore(Machine m, int[] seen, int n, Object aw) {
        Py.checkHashable(m, aw);
        if (!(aw instanceof Ref r)) return -1;
        for (int i = 0; i < n; i++) if (seen[i] == r.id()) return i;
        return -1;
    }

    /**
     * tasks.py's gather._done_callback, child {@code fut} having finished: the first error
     * ends the outer future unless return_exceptions; the last child to finish gives it
     * the results in argument order, or, if the gather was cancelled, the CancelledError of
     * the last child in that order. A child that is not the last and has no error to pass on
     * (done well, or return_exceptions) only counts: its step does not read the outer future
     * (whether it is done changes nothing then: marking an exception retrieved changes no
     * state here), so it commutes with the step that ends it.
     */
    private static void gatherDone(Machine m, int state, int fut) {
        GatherObj before = (GatherObj) m.peek(state);
        GatherObj g = before.finished();
        if (g.nfinished() < g.nfuts()) { // not the last child: the count is read only to see that it stays below
            m.addOne(state, g, before.nfinished(), before.nfuts());
        } else {
            m.get(state);
            m.set(state, g);
        }
        if (g.nfinished() < g.nfuts() && (Py.truthy(m, g.returnExceptions()) || !m.cancelled(fut) && m.futException(fut) == NONE)) {
            return; // not the last, and no error to pass on: nothing to do whether the outer future is done or not, so it is not read
        }
        int outer = g.outer();
        if (outer < 0 || m.futDone(outer)) {
            if (!m.cancelled(fut)) m.futException(fut); // marks the exception retrieved
            return;
        }
        if (!Py.truthy(m, g.returnExceptions())) {
            if (m.cancelled(fut)) {
                m.setException(outer, m.makeCancelledError(fut));
                return;
            }
            Object exc = m.futException(fut);
            if (exc != NONE) {
                m.setException(outer, exc);
                return;
            }
        }
        if (g.nfinished() != g.nfuts()) return;
        int results = m.alloc(new ListObj(Vec.of()));
        Object[] items = new Object[g.children().size()];
        int last = -1;
        for (int i = 0; i < items.length; i++) {
            last = g.children().get(i);
            if (m.cancelled(last)) {
                Object msg = m.fut(last).cancelMessage();
                items[i] = new PyExc(PyType.CANCELLED_ERROR, Vec.of(msg == null || msg == NONE ? "" : msg));
            } else {
                Object res = m.futException(last);
                items[i] = res != NONE ? res : m.futResult(last);
            }
        }
        m.set(results, new ListObj(Vec.adopt(items)));
        if (((FutureObj) m.get(outer)).cancelRequested()) m.setException(outer, m.makeCancelledError(last));
        else m.setResult(outer, new Ref(results));
    }

    // ------------------------------------------------------------------ tasks

    /** A Semaphore's initial value or a Barrier's parties: locks.py compares it with {@code bound} first ("'<' not supported between instances of 'str' and 'int'"). */
    private static long comparedCount(Machine m, Object v, long bound, String name) {
        if (!Ints.isInt(v)) Py.order(m, "<", v, bound);
        return intArg(m, v, name);
    }

    private static void tasks() {
        Builtins.Impl create = (m, a) -> {
            if (a.size() == 0) throw PyRaise.of(PyType.TYPE_ERROR, "create_task() missing 1 required positional argument: 'coro'");
            if (a.size() > 1) throw PyRaise.of(PyType.TYPE_ERROR, "create_task() takes 1 positional argument but " + a.size() + " were given");
            return ref(m.createTask(a.get(0), a.opt(1, "name", NONE)));
        };
        defineAsyncio("create_task", new Builtin("create_task"));
        defineImpl("create_task", create);
        defineAsyncio("current_task", new Builtin("current_task"));
        // current_task(loop): the task running in that loop; none runs in anything but the running loop
        defineImpl("current_task", (m, a) -> m.currentTask < 0 || a.size() > 0 && a.get(0) != NONE && !(a.get(0) instanceof LoopVal) ? NONE : ref(m.currentTask));
        defineMethod("Task.get_name", (m, a) -> m.task(a.ref(0)).t().name());
        defineMethod("Task.set_name", (m, a) -> {
            m.putTask(a.ref(0), m.task(a.ref(0)).t().renamed(Py.str(m, a.get(1))));
            return NONE;
        });
        defineMethod("Task.cancel", (m, a) -> m.cancelTask(a.ref(0), optMsg(a)));
        defineMethod("Task.cancelling", (m, a) -> (long) m.task(a.ref(0)).t().cancelRequests());
        defineMethod("Task.uncancel", (m, a) -> {
            Task t = m.task(a.ref(0)).t().uncancel(m.version());
            m.putTask(a.ref(0), t);
            return (long) t.cancelRequests();
        });
        defineMethod("Task.get_coro", (m, a) -> ref(m.task(a.ref(0)).coro()));
        defineMethod("Task.set_result", (m, a) -> { m.setResult(a.ref(0), a.get(1)); return NONE; });
        defineMethod("Task.set_exception", (m, a) -> { m.setException(a.ref(0), a.get(1)); return NONE; });
    }

    // ------------------------------------------------------------------ the loop

    private static double delay(Machine m, Object v) {
        if (v == NONE) throw PyRaise.of(PyType.TYPE_ERROR, "delay must not be None");
        return addedToTime(m, v);
    }

    /** A delay that call_later and timeout() add to loop.time(): a number (TypeError for + of a float and, say, a str). */
    private static double addedToTime(Machine m, Object delay) {
        if (!Py.isNumber(delay)) {
            throw PyRaise.of(PyType.TYPE_ERROR, "unsupported operand type(s) for +: 'float' and '" + Py.typeOf(m, delay).name + "'");
        }
        return Py.toDouble(delay);
    }

    private static void loop() {
        defineAsyncio("get_running_loop", new Builtin("get_running_loop"));
        defineImpl("get_running_loop", (m, a) -> new LoopVal());
        defineAsyncio("get_event_loop", new Builtin("get_running_loop"));
        defineAsyncio("run", new Builtin("asyncio.run"));
        defineImpl("asyncio.run", (m, a) -> {
            if (m.loopRunning) throw PyRaise.of(PyType.RUNTIME_ERROR, "asyncio.run() cannot be called from a running event loop");
            Object coro = a.get(0);
            if (!(coro instanceof Ref r && m.get(r.id()) instanceof CoroObj))
                throw PyRaise.of(PyType.VALUE_ERROR, "a coroutine was expected, got " + Py.repr(m, coro));
            return new RunRequest(coro);
        });
        defineMethod("_VirtualTimeLoop.time", (m, a) -> m.time());
        defineMethod("_VirtualTimeLoop.create_future", (m, a) -> ref(m.createFuture()));
        defineMethod("_VirtualTimeLoop.create_task", (m, a) -> ref(m.createTask(a.get(1), a.opt(2, "name", NONE))));
        defineMethod("_VirtualTimeLoop.call_soon", (m, a) ->
                ref(m.callSoonHandle(a.get(1), Vec.copyOf(a.pos().subList(2, a.size())))));
        defineMethod("_VirtualTimeLoop.call_later", (m, a) ->
                ref(m.callAt(m.time() + delay(m, a.get(1)), a.get(2), Vec.copyOf(a.pos().subList(3, a.size())))));
        defineMethod("_VirtualTimeLoop.call_at", (m, a) ->
                ref(m.callAt(number(m, a.get(1)), a.get(2), Vec.copyOf(a.pos().subList(3, a.size())))));
        defineNative("_call_later", (m, a) ->
                ref(m.callAt(m.time() + delay(m, a.get(0)), a.get(1), Vec.copyOf(a.pos().subList(2, a.size())))));
        defineMethod("TimerHandle.cancel", (m, a) -> { m.cancelHandle(a.ref(0)); return NONE; });
        defineMethod("TimerHandle.cancelled", (m, a) -> ((HandleObj) m.get(a.ref(0))).cancelled());
        defineMethod("TimerHandle.when", (m, a) -> ((HandleObj) m.get(a.ref(0))).when());
        defineMethod("Handle.cancel", (m, a) -> { m.cancelHandle(a.ref(0)); return NONE; });
        defineMethod("Handle.cancelled", (m, a) -> ((HandleObj) m.get(a.ref(0))).cancelled());
    }

    // ------------------------------------------------------------------ timeout() (timeouts.py)

    private static TimeoutObj tmo(Machine m, int id) { return (TimeoutObj) m.get(id); }

    private static void timeouts() {
        Builtins.Impl make = (m, a) -> {
            if (a.size() == 0 && !a.kw.containsKey("delay")) {
                throw PyRaise.of(PyType.TYPE_ERROR, "timeout() missing 1 required positional argument: 'delay'");
            }
            if (a.size() > 1) throw PyRaise.of(PyType.TYPE_ERROR, "timeout() takes 1 positional argument but " + a.size() + " were given");
            Object d = a.opt(0, "delay", NONE);
            Object when = d == NONE ? NONE : (Object) (m.time() + addedToTime(m, d));
            return ref(m.alloc(new TimeoutObj("created", when, -1, -1, 0)));
        };
        defineAsyncio("timeout", new Builtin("timeout"));
        defineImpl("timeout", make);
        defineNative("_timeout", make);
        defineMethod("Timeout.when", (m, a) -> tmo(m, a.ref(0)).when());
        defineMethod("Timeout.expired", (m, a) -> {
            String s = tmo(m, a.ref(0)).state();
            return s.equals("expiring") || s.equals("expired");
        });
        defineMethod("Timeout.reschedule", (m, a) -> { reschedule(m, a.ref(0), a.exactly(2).get(1)); return NONE; });
        defineMethod("Timeout.__aenter__", (m, a) -> {
            int id = a.ref(0);
            TimeoutObj t = tmo(m, id);
            if (!t.state().equals("created") && !m.version().has(lockstep.core.Delta.TIMEOUT_REENTERS)) {
                throw PyRaise.of(PyType.RUNTIME_ERROR, "Timeout has already been entered");
            }
            if (m.currentTask < 0) throw PyRaise.of(PyType.RUNTIME_ERROR, "Timeout should be used inside a task");
            int task = m.currentTask;
            m.set(id, new TimeoutObj("active", t.when(), t.handler(), task, m.task(task).t().cancelRequests()));
            reschedule(m, id, t.when());
            return immediate(ref(id));
        });
        defineMethod("Timeout.__aexit__", (m, a) -> {
            int id = a.ref(0);
            TimeoutObj t = tmo(m, id);
            if (t.handler() >= 0) m.cancelHandle(t.handler());
            t = new TimeoutObj(t.state(), t.when(), -1, t.task(), t.cancelling());
            if (t.state().equals("expiring")) {
                m.set(id, new TimeoutObj("expired", t.when(), -1, t.task(), t.cancelling()));
                Task task = m.task(t.task()).t().uncancel(m.version());
                m.putTask(t.task(), task);
                if (task.cancelRequests() <= t.cancelling() && a.get(1) == PyType.CANCELLED_ERROR) {
                    return new Immediate(null, PyExc.of(PyType.TIMEOUT_ERROR, null));
                }
            } else if (t.state().equals("active")) {
                m.set(id, new TimeoutObj("finished", t.when(), -1, t.task(), t.cancelling()));
            } else {
                m.set(id, t);
            }
            return immediate(NONE);
        });
        defineImpl("Timeout._on_timeout", (m, a) -> {
            int id = a.ref(0);
            TimeoutObj t = tmo(m, id);
            m.cancelTask(t.task(), NONE);
            m.set(id, new TimeoutObj("expiring", t.when(), -1, t.task(), t.cancelling()));
            return NONE;
        });
    }

    private static void reschedule(Machine m, int id, Object when) {
        TimeoutObj t = tmo(m, id);
        if (!t.state().equals("active")) {
            if (t.state().equals("created")) {
                if (m.version().has(lockstep.core.Delta.TIMEOUT_REENTERS)) throw new PyRaise(new PyExc(PyType.ASSERTION_ERROR, Vec.of()));
                throw PyRaise.of(PyType.RUNTIME_ERROR, "Timeout has not been entered");
            }
            throw PyRaise.of(PyType.RUNTIME_ERROR, "Cannot change state of " + t.state() + " Timeout");
        }
        if (t.handler() >= 0) m.cancelHandle(t.handler());
        int handler = -1;
        Object onTimeout = new Builtin("Timeout._on_timeout");
        if (when != NONE) {
            double w = number(m, when);
            if (w <= m.time()) handler = m.callSoonHandle(onTimeout, Vec.of(ref(id)));
            else handler = m.callAt(w, onTimeout, Vec.of(ref(id)));
        }
        m.set(id, new TimeoutObj(t.state(), when, handler, t.task(), t.cancelling()));
    }
}
