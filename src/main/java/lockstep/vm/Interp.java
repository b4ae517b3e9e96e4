package lockstep.vm;

import lockstep.core.AsyncioError;
import lockstep.core.Vec;
import lockstep.lang.Code;
import lockstep.lang.Compiler;
import lockstep.lang.Compiler.FunctionTemplate;
import lockstep.lang.NoneType;
import lockstep.lang.Op;
import lockstep.vm.Obj.*;
import lockstep.vm.Values.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs frames. A task's coroutine chain is a stack of frames (the outermost coroutine
 * first); {@link #drive} resumes the innermost one with a value or an exception and runs
 * until the whole chain returns, raises, or suspends on a pending future (or a bare
 * yield, for sleep(0)) — exactly the points where CPython's Task.__step returns.
 */
public final class Interp {
    private Interp() {}

    public static final Object NONE = NoneType.NONE;

    /** The await of a future: yields it once while pending, then returns its result (futures.py __await__). */
    public record FutAwait(int fut, boolean started) {}

    /**
     * A bare yield to the loop on the stack: suspends the task once, then gives {@code value}
     * (None, or the result of a {@code sleep(0, result)} run without its frame, see {@link #start}).
     */
    public record YieldAwait(boolean started, Object value) {}

    /** How a drive ended. fut is the future to wait on, or -1 for a bare yield. */
    public record Outcome(int kind, Object value, PyExc exc, int fut) {
        public static final int RETURN = 0, RAISE = 1, SUSPEND = 2, RUN_LOOP = 3;
        static Outcome ret(Object v) { return new Outcome(RETURN, v, null, -1); }
        static Outcome raise(PyExc e) { return new Outcome(RAISE, null, e, -1); }
        static Outcome suspend(int fut) { return new Outcome(SUSPEND, null, null, fut); }
    }

    /** What one frame's run ended with (package-internal). */
    private static final int R_RETURN = 0, R_RAISE = 1, R_PUSH = 2, R_SUSPEND = 3, R_RUN_LOOP = 4;
    private static final class Res {
        int kind;
        Object value;
        PyExc exc;
        Object frame;
        int fut;
        Res set(int kind, Object value, PyExc exc, Object frame, int fut) {
            this.kind = kind; this.value = value; this.exc = exc; this.frame = frame; this.fut = fut;
            return this;
        }
    }

    // ------------------------------------------------------------------ driving a stack

    /**
     * Resumes the innermost frame of {@code st} (mutable frames, innermost last) by
     * sending {@code send} or throwing {@code thr}, and runs until the chain completes or
     * suspends. On suspension {@code st} holds the frames to keep.
     */
    public static Outcome drive(Machine m, List<Object> st, Object send, PyExc thr) {
        int saved = m.depth;
        m.depth += st.size() + (saved == 0 && !isModuleBody(st.get(0)) ? LOOP_FRAMES : 0);
        try {
            return run(m, st, send, thr);
        } finally {
            m.depth = saved;
            if (saved == 0) m.storeNewCoroutines();
        }
    }

    /** CPython's default recursion limit: a call that would make more Python frames raises RecursionError. */
    public static final int RECURSION_LIMIT = 1000;

    /**
     * The Python frames CPython has below a callback or a task's step that the event loop
     * runs: the module, asyncio.run, Runner.run, run_until_complete, run_forever, _run_once
     * and Handle._run.
     */
    private static final int LOOP_FRAMES = 7;

    private static boolean isModuleBody(Object frame) {
        return frame instanceof Frame f && f.code.name.equals("<module>");
    }

    private static Outcome run(Machine m, List<Object> st, Object send, PyExc thr) {
        Res r = new Res();
        while (true) {
            Object top = st.get(st.size() - 1);
            if (top instanceof FutAwait fa) {
                futAwait(m, fa, send, thr, r);
            } else if (top instanceof YieldAwait ya) {
                if (thr != null) r.set(R_RAISE, null, thr, null, -1);
                else if (!ya.started()) r.set(R_SUSPEND, null, null, null, -1);
                else r.set(R_RETURN, ya.value(), null, null, -1);
                if (r.kind == R_SUSPEND) st.set(st.size() - 1, new YieldAwait(true, ya.value()));
            } else {
                Frame f = ((Frame) top).runnable();
                if (f != top) st.set(st.size() - 1, f);
                exec(m, f, send, thr, r);
            }
            switch (r.kind) {
                case R_RETURN -> {
                    m.depth--;
                    finish(m, st.remove(st.size() - 1));
                    if (st.isEmpty()) return Outcome.ret(r.value);
                    send = r.value;
                    thr = null;
                }
                case R_RAISE -> {
                    m.depth--;
                    finish(m, st.remove(st.size() - 1));
                    if (st.isEmpty()) return Outcome.raise(r.exc);
                    send = null;
                    thr = r.exc;
                }
                case R_PUSH -> {
                    send = null;
                    thr = null;
                    if (m.depth >= RECURSION_LIMIT && r.frame instanceof Frame) {
                        thr = PyExc.of(PyType.RECURSION_ERROR, "maximum recursion depth exceeded");
                    } else {
                        m.depth++;
                        st.add(r.frame);
                    }
                }
                case R_RUN_LOOP -> {
                    return new Outcome(Outcome.RUN_LOOP, r.value, null, -1);
                }
                default -> {
                    if (r.fut >= 0) st.set(st.size() - 1, new FutAwait(r.fut, true));
                    return Outcome.suspend(r.fut);
                }
            }
        }
    }

    private static void finish(Machine m, Object frame) {
        if (frame instanceof Frame f && f.coro >= 0) {
            CoroObj c = (CoroObj) m.get(f.coro);
            m.set(f.coro, new CoroObj(null, c.name(), CoroObj.CLOSED, c.code()));
        }
    }

    private static void futAwait(Machine m, FutAwait fa, Object send, PyExc thr, Res r) {
        if (thr != null) { r.set(R_RAISE, null, thr, null, -1); return; }
        if (!m.futDone(fa.fut())) {
            if (!fa.started()) r.set(R_SUSPEND, null, null, null, fa.fut());
            else r.set(R_RAISE, null, PyExc.of(PyType.RUNTIME_ERROR, "await wasn't used with future"), null, -1);
            return;
        }
        try {
            r.set(R_RETURN, m.futResult(fa.fut()), null, null, -1);
        } catch (PyRaise e) {
            r.set(R_RAISE, null, e.exc, null, -1);
        }
    }

    /** Calls any callable to completion (no suspension possible: sync functions and builtins). */
    public static Object callSync(Machine m, Object fn, List<Object> args) {
        return callSync(m, fn, args.toArray(), null);
    }

    /** callSync with the last kwNames.size() args passed by keyword. */
    public static Object callSyncKw(Machine m, Object fn, List<Object> args, List<String> kwNames) {
        return callSync(m, fn, args.toArray(), kwNames.toArray(new String[0]));
    }

    /** callSync of an argument array (the callee may keep it), the last kwNames.length by keyword (null: none). */
    static Object callSync(Machine m, Object fn, Object[] args, String[] kwNames) {
        Object r;
        try {
            r = invoke(m, fn, args, kwNames);
        } catch (AsyncioError | ClassCastException | IndexOutOfBoundsException | NullPointerException
                 | NumberFormatException e) {
            throw new PyRaise(pythonException(e));
        }
        if (r instanceof Frame f) {
            List<Object> st = new ArrayList<>();
            st.add(f);
            Outcome o = drive(m, st, null, null);
            if (o.kind() == Outcome.RAISE) throw new PyRaise(o.exc());
            if (o.kind() == Outcome.SUSPEND) throw PyRaise.of(PyType.RUNTIME_ERROR, "cannot suspend in a synchronous call");
            return o.value();
        }
        return r;
    }

    /**
     * Calls {@code fn} with an argument array that the callee may keep (the last
     * kwNames.length by keyword; kwNames null when none): a builtin runs at once and its
     * value is returned; an async function returns a new coroutine; a plain Python
     * function returns its new Frame, for the caller to run.
     */
    static Object invoke(Machine m, Object fn, Object[] args, String[] kwNames) {
        return invoke(m, fn, args, kwNames, false);
    }

    /**
     * As above; with {@code awaited} (the call is the operand of an {@code await}), an async
     * function returns the frame of its coroutine instead, to be run at once: nothing can see a
     * coroutine object between its creation and its await, so none is made.
     */
    private static Object invoke(Machine m, Object fn, Object[] args, String[] kwNames, boolean awaited) {
        while (fn instanceof BoundMethod bm) {
            args = withSelf(bm.self(), args);
            fn = bm.func();
        }
        if (fn instanceof Func f) return start(m, f, bind(m, f, args, kwNames), awaited);
        return Builtins.call(m, fn, args, kwNames);
    }

    private static Object[] withSelf(Object self, Object[] args) {
        Object[] a = new Object[args.length + 1];
        a[0] = self;
        System.arraycopy(args, 0, a, 1, args.length);
        return a;
    }

    /**
     * A call of Python function {@code f} with its locals bound: its frame, or for an async
     * function a new coroutine; awaited at once, an async function's frame, or what it gives
     * when it would return at once ({@link AsyncioApi#returnedAtOnce}; not at the recursion
     * limit, where pushing its frame raises RecursionError).
     */
    private static Object start(Machine m, Func f, Object[] locals, boolean awaited) {
        Code c = f.template().code();
        if (awaited && m.depth < RECURSION_LIMIT) {
            Object now = AsyncioApi.returnedAtOnce(m, c, locals);
            if (now != null) return now;
        }
        if (!c.isAsync || awaited) return new Frame(c, f.globals(), f.closure(), -1, locals);
        int coro = m.alloc(null);
        m.set(coro, new CoroObj(m.newCoroutine(new Frame(c, f.globals(), f.closure(), coro, locals)), f.qualname(), CoroObj.CREATED, c));
        return new Ref(coro);
    }

    /**
     * ceval.c's too_many_positional: "f() takes from 1 to 2 positional arguments but 3 were
     * given" for a function of {@code lo} to {@code hi} positional parameters, and the
     * keyword-only arguments given, if any ("... but 2 positional arguments (and 1 keyword-only
     * argument) were given"). Also for the methods CPython writes in Python that the model writes in Java.
     */
    static PyRaise tooManyPositional(String qualname, int lo, int hi, int given, int kwGiven) {
        String takes = lo < hi ? "from " + lo + " to " + hi + " positional arguments" : hi + " positional argument" + (hi == 1 ? "" : "s");
        String kw = kwGiven == 0 ? "" : " positional argument" + (given == 1 ? "" : "s") + " (and " + kwGiven + " keyword-only argument"
                + (kwGiven == 1 ? "" : "s") + ")";
        return PyRaise.of(PyType.TYPE_ERROR, qualname + "() takes " + takes + " but " + given + kw
                + (given == 1 && kwGiven == 0 ? " was" : " were") + " given");
    }

    /** Binds arguments to parameters (positional, *args, keywords, defaults): the locals of a fresh frame. */
    private static Object[] bind(Machine m, Func f, Object[] args, String[] kwNames) {
        Code c = f.template().code();
        if (kwNames == null && args.length == c.params.length && c.vararg == null && c.kwOnly.length == 0) {
            return inCells(m, c, exactlyPositional(c, args));
        }
        int nkw = kwNames == null ? 0 : kwNames.length;
        int npos = args.length - nkw;
        Object[] locals = new Object[c.localNames.length];
        java.util.Arrays.fill(locals, Unbound.UNBOUND);
        int np = c.params.length;
        for (int i = 0; i < Math.min(npos, np); i++) locals[i] = args[i];
        int slot = np;
        if (c.vararg != null) {
            locals[slot++] = new Tuple(npos > np ? Vec.adopt(java.util.Arrays.copyOfRange(args, np, npos)) : Vec.of());
        }
        int kwBase = slot;
        for (int k = 0; k < nkw; k++) {
            String name = kwNames[k];
            Object v = args[npos + k];
            int idx = indexOf(c.params, name);
            if (idx >= 0) {
                if (locals[idx] != Unbound.UNBOUND)
                    throw PyRaise.of(PyType.TYPE_ERROR, c.qualname + "() got multiple values for argument '" + name + "'");
                locals[idx] = v;
            } else if ((idx = indexOf(c.kwOnly, name)) >= 0) {
                locals[kwBase + idx] = v;
            } else {
                throw PyRaise.of(PyType.TYPE_ERROR, c.qualname + "() got an unexpected keyword argument '" + name + "'");
            }
        }
        if (npos > np && c.vararg == null) { // after the keywords are bound, as in ceval.c
            int kwGiven = 0;
            for (int i = 0; i < c.kwOnly.length; i++) if (locals[kwBase + i] != Unbound.UNBOUND) kwGiven++;
            throw tooManyPositional(c.qualname, np - f.defaults().size(), np, npos, kwGiven);
        }
        int firstDefault = np - f.defaults().size();
        List<String> missing = null;
        for (int i = 0; i < np; i++) {
            if (locals[i] == Unbound.UNBOUND) {
                if (i >= firstDefault) locals[i] = f.defaults().get(i - firstDefault);
                else (missing == null ? missing = new ArrayList<>() : missing).add(c.params[i]);
            }
        }
        if (missing != null) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < missing.size(); i++) {
                if (i > 0) sb.append(i == missing.size() - 1 ? (missing.size() > 2 ? ", and " : " and ") : ", ");
                sb.append('\'').append(missing.get(i)).append('\'');
            }
            throw PyRaise.of(PyType.TYPE_ERROR, c.qualname + "() missing " + missing.size() + " required positional argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + sb);
        }
        int kd = 0;
        for (int i = 0; i < c.kwOnly.length; i++) {
            boolean has = f.template().kwDefaultPresent()[i];
            Object dflt = has ? f.kwDefaults().get(kd++) : null;
            if (locals[kwBase + i] == Unbound.UNBOUND) {
                if (!has) throw PyRaise.of(PyType.TYPE_ERROR, c.qualname + "() missing 1 required keyword-only argument: '" + c.kwOnly[i] + "'");
                locals[kwBase + i] = dflt;
            }
        }
        return inCells(m, c, locals);
    }

    /** The locals of a call that passes every parameter by position, and nothing else: the arguments, then unbound. */
    private static Object[] exactlyPositional(Code c, Object[] args) {
        int n = c.localNames.length;
        if (n == args.length) return args;
        Object[] locals = java.util.Arrays.copyOf(args, n);
        java.util.Arrays.fill(locals, args.length, n, Unbound.UNBOUND);
        return locals;
    }

    /** Moves the locals that inner functions share into cells of their own. */
    private static Object[] inCells(Machine m, Code c, Object[] locals) {
        for (int i = 0; i < locals.length; i++) {
            if (c.cellLocal[i]) locals[i] = new Ref(m.alloc(new CellObj(locals[i])));
        }
        return locals;
    }

    private static int indexOf(String[] a, String s) {
        for (int i = 0; i < a.length; i++) if (a[i].equals(s)) return i;
        return -1;
    }

    // ------------------------------------------------------------------ one frame

    /**
     * Runs frame {@code f} until it returns, raises, or leaves to run another frame. The
     * loop itself runs the instructions that are most of every run (and the only ones
     * that leave the frame: CALL, RETURN, AWAIT); {@link #other} runs the rest, so that the
     * JIT compiles this loop small and whole.
     */
    private static void exec(Machine m, Frame f, Object send, PyExc thr, Res r) {
        if (thr != null) {
            f.started = true;
            if (!unwind(f, thr)) { r.set(R_RAISE, null, thr, null, -1); return; }
        } else if (f.started) {
            f.push(send);
        } else {
            f.started = true;
        }
        final Code c = f.code;
        final int[] ops = c.ops, args = c.args;
        while (true) {
            int op = ops[f.pc], arg = args[f.pc];
            f.pc++;
            if (++m.instructions > Machine.INSTRUCTION_LIMIT) throw new Machine.InstructionLimit();
            try {
                switch (op) {
                    case Op.CONST -> f.push(c.consts[arg]);
                    case Op.POP -> f.pop();
                    case Op.LOAD_FAST -> {
                        Object v = f.locals[arg];
                        if (v == Unbound.UNBOUND) throw unboundLocal(m, c.localNames[arg]);
                        f.push(v);
                    }
                    case Op.STORE_FAST -> f.locals[arg] = f.pop();
                    case Op.LOAD_CELL -> f.push(loadCell(m, ((Ref) f.locals[arg]).id(), c.localNames[arg], true));
                    case Op.STORE_CELL -> m.set(((Ref) f.locals[arg]).id(), new CellObj(f.pop()));
                    case Op.LOAD_FREE -> f.push(loadCell(m, f.closure.get(arg), c.freeNames[arg], false));
                    case Op.LOAD_GLOBAL -> f.push(m.loadGlobal(f, c.module, arg));
                    case Op.LOAD_ATTR -> f.push(Builtins.getattr(m, f.pop(), c.names[arg]));
                    case Op.COMPARE -> { Object b = f.pop(), a = f.pop(); f.push(Py.compare(m, Op.CMPOPS[arg], a, b)); }
                    case Op.JUMP -> f.pc = arg;
                    case Op.JUMP_IF_FALSE -> { if (!Py.truthy(m, f.pop())) f.pc = arg; }
                    case Op.SETUP_HANDLER -> f.pushBlock(arg);
                    case Op.POP_BLOCK -> f.nblocks--;
                    case Op.CALL -> {
                        boolean awaited = ops[f.pc] == Op.AWAIT;
                        Object res = call(m, f, (Op.CallShape) c.consts[arg], awaited);
                        if (res instanceof Frame nf) {
                            if (nf.code.isAsync) f.pc++; // awaited at once: the AWAIT is done by running it
                            r.set(R_PUSH, null, null, nf, -1);
                            return;
                        }
                        if (res instanceof YieldAwait y) { f.pc++; r.set(R_PUSH, null, null, y, -1); return; }
                        if (res instanceof RunRequest rr) { r.set(R_RUN_LOOP, rr.coro(), null, null, -1); return; }
                        f.push(res);
                    }
                    case Op.RETURN -> { r.set(R_RETURN, f.pop(), null, null, -1); return; }
                    case Op.AWAIT -> {
                        Object sub = awaitable(m, f.pop());
                        if (sub instanceof Immediate im) {
                            if (im.exc() != null) throw new PyRaise(im.exc());
                            f.push(im.value());
                        } else {
                            r.set(R_PUSH, null, null, sub, -1);
                            return;
                        }
                    }
                    default -> other(m, f, c, op, arg);
                }
            } catch (PyRaise e) {
                if (!unwind(f, e.exc)) { r.set(R_RAISE, null, e.exc, null, -1); return; }
            } catch (AsyncioError | ClassCastException | IndexOutOfBoundsException | NullPointerException
                     | NumberFormatException e) {
                PyExc exc = pythonException(e);
                if (!unwind(f, exc)) { r.set(R_RAISE, null, exc, null, -1); return; }
            } catch (StackOverflowError e) {
                PyExc exc = PyExc.of(PyType.RECURSION_ERROR, "maximum recursion depth exceeded");
                if (!unwind(f, exc)) { r.set(R_RAISE, null, exc, null, -1); return; }
            }
        }
    }

    /** Reading a local variable (or a cell of the function's own) that is unbound. */
    private static PyRaise unboundLocal(Machine m, String name) {
        if (m.version().has(lockstep.core.Delta.UNBOUND_MESSAGES_BEFORE_ASSIGNMENT)) {
            return PyRaise.of(PyType.UNBOUND_LOCAL_ERROR, "local variable '" + name + "' referenced before assignment");
        }
        return PyRaise.of(PyType.UNBOUND_LOCAL_ERROR, "cannot access local variable '" + name + "' where it is not associated with a value");
    }

    /** Runs one instruction of the rarer kinds: none of them leaves the frame. */
    private static void other(Machine m, Frame f, Code c, int op, int arg) {
        switch (op) {
            case Op.DUP -> f.push(f.top());
            case Op.DUP2 -> { Object b = f.peek(0), a = f.peek(1); f.push(a); f.push(b); }
            case Op.ROT2 -> { Object b = f.pop(), a = f.pop(); f.push(b); f.push(a); }
            case Op.ROT3 -> { Object cc = f.pop(), b = f.pop(), a = f.pop(); f.push(cc); f.push(a); f.push(b); }
            case Op.DELETE_FAST -> f.locals[arg] = Unbound.UNBOUND;
            case Op.STORE_FREE -> m.set(f.closure.get(arg), new CellObj(f.pop()));
            case Op.STORE_GLOBAL -> m.storeGlobal(f.globals, arg, f.pop());
            case Op.DELETE_GLOBAL -> m.storeGlobal(f.globals, arg, Unbound.UNBOUND);
            case Op.STORE_ATTR -> {
                Object obj = f.pop();
                f.pop();
                throw PyRaise.of(PyType.ATTRIBUTE_ERROR, "'" + Py.typeOf(m, obj).name
                        + "' object attribute '" + c.names[arg] + "' is read-only");
            }
            case Op.SUBSCR -> { Object idx = f.pop(), obj = f.pop(); f.push(Py.getitem(m, obj, idx)); }
            case Op.STORE_SUBSCR -> { Object idx = f.pop(), obj = f.pop(), v = f.pop(); Py.setitem(m, obj, idx, v); }
            case Op.BUILD_LIST -> f.push(new Ref(m.alloc(new ListObj(popN(f, arg)))));
            case Op.BUILD_TUPLE -> f.push(new Tuple(popN(f, arg)));
            case Op.BUILD_DICT -> {
                Vec<Object> kv = popN(f, arg * 2);
                DictObj d = DictObj.EMPTY;
                for (int i = 0; i < arg; i++) d = Py.dictPut(m, d, kv.get(2 * i), kv.get(2 * i + 1));
                f.push(new Ref(m.alloc(d)));
            }
            case Op.BUILD_SLICE -> { Object st = f.pop(), hi = f.pop(), lo = f.pop(); f.push(new SliceVal(lo, hi, st)); }
            case Op.BUILD_STRING -> {
                Vec<Object> parts = popN(f, arg);
                StringBuilder sb = new StringBuilder();
                for (Object p : parts) {
                    Py.checkSize((long) sb.length() + ((String) p).length(), "str");
                    sb.append((String) p);
                }
                f.push(sb.toString());
            }
            case Op.FORMAT -> {
                char conv = (char) (arg & 0xff);
                int spec = arg >> 8;
                Object v = f.pop();
                if (conv == 'r' || conv == 'a') v = Py.repr(m, v);
                else if (conv == 's') v = Py.str(m, v);
                f.push(Py.format(m, v, spec == 0 ? "" : (String) c.consts[spec - 1]));
            }
            case Op.LIST_APPEND -> {
                Object item = f.pop();
                Ref list = (Ref) f.peek(arg - 1);
                ListObj l = (ListObj) m.get(list.id());
                m.set(list.id(), new ListObj(l.items().append(item)));
            }
            case Op.UNPACK -> {
                List<Object> items = Py.toList(m, f.pop());
                if (items.size() != arg) {
                    throw PyRaise.of(PyType.VALUE_ERROR, items.size() < arg
                            ? "not enough values to unpack (expected " + arg + ", got " + items.size() + ")"
                            : "too many values to unpack (expected " + arg + ")");
                }
                for (int i = arg - 1; i >= 0; i--) f.push(items.get(i));
            }
            case Op.UNARY -> {
                Object v = f.pop();
                f.push(arg == 0 ? !Py.truthy(m, v) : arg == 1 ? Py.neg(m, v) : Py.pos(m, v));
            }
            case Op.BINARY -> {
                Object b = f.pop(), a = f.pop();
                boolean inplace = arg >= Compiler.INPLACE;
                f.push(Py.binary(m, Op.BINOPS[inplace ? arg - Compiler.INPLACE : arg], a, b, inplace));
            }
            case Op.JUMP_IF_TRUE -> { if (Py.truthy(m, f.pop())) f.pc = arg; }
            case Op.JUMP_IF_FALSE_OR_POP -> { if (!Py.truthy(m, f.top())) f.pc = arg; else f.pop(); }
            case Op.JUMP_IF_TRUE_OR_POP -> { if (Py.truthy(m, f.top())) f.pc = arg; else f.pop(); }
            case Op.GET_ITER -> f.push(Py.iter(m, f.pop()));
            case Op.FOR_ITER -> {
                Object it = f.top();
                Object[] next = Py.next(m, it);
                if (next == null) { f.pop(); f.pc = arg; }
                else { f.stack[f.sp - 1] = next[0]; f.push(next[1]); }
            }
            case Op.MAKE_FUNCTION -> f.push(makeFunction(m, f, (FunctionTemplate) c.consts[arg]));
            case Op.GENEXP -> { Object step = f.pop(), it = f.pop(); f.push(new Ref(m.alloc(new GenObj(it, step)))); }
            case Op.AENTER -> {
                Object mgr = f.pop();
                Object now = m.depth < RECURSION_LIMIT ? AsyncioApi.enteredAtOnce(m, mgr) : null;
                f.push(now != null ? now : callMethod(m, mgr, "__aenter__", new Object[0],
                        "' object does not support the asynchronous context manager protocol"));
            }
            case Op.AEXIT -> f.push(callMethod(m, f.pop(), "__aexit__", new Object[] {NONE, NONE, NONE}, ""));
            case Op.AEXIT_EXC -> {
                Object mgr = f.pop();
                PyExc e = (PyExc) f.top();
                f.push(callMethod(m, mgr, "__aexit__", new Object[] {e.type, e, NONE}, ""));
            }
            case Op.RAISE -> {
                if (arg == 0) {
                    Object cur = f.currentExc();
                    if (cur == null) throw PyRaise.of(PyType.RUNTIME_ERROR, "No active exception to reraise");
                    throw new PyRaise((PyExc) cur);
                }
                Object cause = arg == 2 ? f.pop() : NONE;
                PyExc e = Py.toException(m, f.pop());
                if (!(cause == NONE || cause instanceof PyExc || cause instanceof PyType t && t.isException())) {
                    throw PyRaise.of(PyType.TYPE_ERROR, "exception causes must derive from BaseException"); // ceval.c do_raise
                }
                throw new PyRaise(e);
            }
            case Op.RERAISE -> throw new PyRaise((PyExc) f.pop());
            case Op.EXC_MATCH -> {
                Object type = f.pop();
                f.push(Py.excMatches((PyExc) f.top(), type));
            }
            case Op.PUSH_EXC_INFO -> f.pushExcInfo(f.top());
            case Op.POP_EXC_INFO -> { f.nexc--; f.excInfo[f.nexc] = null; }
            case Op.ASSERT_FAIL -> {
                PyExc e = arg == 1 ? new PyExc(PyType.ASSERTION_ERROR, Vec.of(f.pop())) : new PyExc(PyType.ASSERTION_ERROR, Vec.of());
                m.observer().assertFailed(m, "assertion failed at " + c.file + ":" + c.lines[f.pc - 1]
                        + (e.args.isEmpty() ? "" : ": " + Py.str(m, e.args.get(0))));
                throw new PyRaise(e);
            }
            case Op.NOP -> {}
            default -> throw new IllegalStateException("bad op " + op);
        }
    }

    /**
     * The Python exception for a Java one thrown by a builtin or a core transition: an
     * {@link AsyncioError} is the primitive's own exception (its type and CPython's message);
     * the others mean a builtin was given an argument of a type it does not take.
     */
    private static PyExc pythonException(RuntimeException e) {
        if (e instanceof AsyncioError a) return PyExc.of(PyType.byName(a.type()), a.getMessage());
        return PyExc.of(PyType.TYPE_ERROR, "bad argument type for a builtin operation");
    }

    /** Transfers control to the innermost handler block, or reports that none is left. */
    private static boolean unwind(Frame f, PyExc exc) {
        if (f.nblocks == 0) return false;
        f.nblocks--;
        int handler = f.blocks[f.nblocks * 3], depth = f.blocks[f.nblocks * 3 + 1], excDepth = f.blocks[f.nblocks * 3 + 2];
        while (f.sp > depth) f.pop();
        while (f.nexc > excDepth) { f.nexc--; f.excInfo[f.nexc] = null; }
        f.push(exc);
        f.pc = handler;
        return true;
    }

    /** The value in a cell: one of the function's own ({@code own}), or of an enclosing function's. */
    private static Object loadCell(Machine m, int cell, String name, boolean own) {
        Object v = ((CellObj) m.get(cell)).value();
        if (v != Unbound.UNBOUND) return v;
        if (own) throw unboundLocal(m, name);
        if (m.version().has(lockstep.core.Delta.UNBOUND_MESSAGES_BEFORE_ASSIGNMENT)) {
            throw PyRaise.of(PyType.NAME_ERROR, "free variable '" + name + "' referenced before assignment in enclosing scope");
        }
        throw PyRaise.of(PyType.NAME_ERROR, "cannot access free variable '" + name + "' where it is not associated with a value in enclosing scope");
    }

    private static Vec<Object> popN(Frame f, int n) {
        Object[] a = new Object[n];
        for (int i = n - 1; i >= 0; i--) a[i] = f.pop();
        return Vec.adopt(a);
    }

    private static Object call(Machine m, Frame f, Op.CallShape shape, boolean awaited) {
        return shape.simple() ? callPositional(m, f, shape.kinds().length, awaited) : callWithShape(m, f, shape, awaited);
    }

    /** A call with keywords or starred arguments: the arguments gathered in order, the keywords' values last. */
    private static Object callWithShape(Machine m, Frame f, Op.CallShape shape, boolean awaited) {
        int n = shape.kinds().length;
        Vec<Object> raw = popN(f, n);
        Object fn = f.pop();
        List<Object> pos = new ArrayList<>();
        List<Object> kwv = new ArrayList<>();
        List<String> kwn = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            switch (shape.kinds()[i]) {
                case POSITIONAL -> pos.add(raw.get(i));
                case STAR -> pos.addAll(Py.toList(m, raw.get(i)));
                case KEYWORD -> { kwn.add(shape.names()[i]); kwv.add(raw.get(i)); }
            }
        }
        pos.addAll(kwv);
        return invoke(m, fn, pos.toArray(), kwn.isEmpty() ? null : kwn.toArray(new String[0]), awaited);
    }

    /**
     * A call with {@code n} positional arguments on the stack, above the callable: invoked
     * as {@link #invoke} would, a bound method's self put first into the same argument array.
     */
    private static Object callPositional(Machine m, Frame f, int n, boolean awaited) {
        Object fn = f.peek(n);
        BoundMethod bm = fn instanceof BoundMethod b ? b : null;
        int self = bm == null ? 0 : 1;
        Object[] a = new Object[n + self];
        for (int i = n - 1; i >= 0; i--) a[self + i] = f.pop();
        f.pop();
        if (bm != null) a[0] = bm.self();
        return invoke(m, bm == null ? fn : bm.func(), a, null, awaited);
    }

    private static Func makeFunction(Machine m, Frame f, FunctionTemplate t) {
        int nkw = 0;
        for (boolean b : t.kwDefaultPresent()) if (b) nkw++;
        Vec<Object> kwd = popN(f, nkw);
        Vec<Object> defaults = popN(f, t.nDefaults());
        Integer[] cells = new Integer[t.closureFrom().length];
        for (int i = 0; i < cells.length; i++) {
            int from = t.closureFrom()[i];
            cells[i] = from >= 0 ? ((Ref) f.locals[from]).id() : f.closure.get(-from - 1);
        }
        return new Func(t, f.globals, defaults, kwd, Vec.of(cells));
    }

    /** Calls obj.name(args) for the async-with protocol; returns the awaitable. */
    private static Object callMethod(Machine m, Object obj, String name, Object[] args, String missing) {
        Object meth;
        try {
            meth = Builtins.getattr(m, obj, name);
        } catch (PyRaise e) {
            throw PyRaise.of(PyType.TYPE_ERROR, "'" + Py.typeOf(m, obj).name + "'" + (missing.isEmpty()
                    ? " object does not support the asynchronous context manager protocol" : missing));
        }
        return callSync(m, meth, args, null);
    }

    /** What awaiting {@code v} runs: a coroutine's frame, a future's await, or an immediate result. */
    private static Object awaitable(Machine m, Object v) {
        if (v instanceof Immediate || v == BareYield.YIELD) return v == BareYield.YIELD ? new YieldAwait(false, NONE) : v;
        if (v instanceof Ref ref) {
            Object o = m.get(ref.id());
            if (o instanceof CoroObj co) {
                if (co.state() != CoroObj.CREATED)
                    throw PyRaise.of(PyType.RUNTIME_ERROR, "cannot reuse already awaited coroutine");
                m.set(ref.id(), new CoroObj(null, co.name(), CoroObj.RUNNING, co.code()));
                return co.frame();
            }
            if (o instanceof FutureObj || o instanceof TaskObj) return new FutAwait(ref.id(), false);
        }
        String type = Py.typeOf(m, v).name;
        throw PyRaise.of(PyType.TYPE_ERROR, m.version().has(lockstep.core.Delta.AWAIT_MESSAGE_CANT_BE_AWAITED)
                ? "'" + type + "' object can't be awaited" : "object " + type + " can't be used in 'await' expression");
    }
}
