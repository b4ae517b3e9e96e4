package lockstep.vm;

import lockstep.core.*;
import lockstep.vm.Obj.*;
import lockstep.vm.Values.*;

import java.util.*;

/**
 * The functions and methods implemented in Java: Python builtins, the methods of plain
 * data, and asyncio's synchronous API (primitive methods that never suspend, futures,
 * tasks, the loop). The coroutine methods of the primitives are Python, in the model
 * prelude (asyncio_model.py), and call the "_"-prefixed natives of {@link AsyncioApi},
 * each of which applies one transition of the pure core.
 */
public final class Builtins {
    private Builtins() {}

    static final Object NONE = Interp.NONE;

    /** A native implementation: positional args first, then the values of the keyword names in kw. */
    interface Impl {
        Object call(Machine m, Args a);
    }

    /**
     * sum() as CPython's builtin adds: ints exactly; from 3.12, while the running total is a
     * float, Neumaier's compensated summation (the rounding error of each addition is kept
     * apart and added at the end, unless it overflowed), with each int item added to the
     * total as it is (3.14: compensated too). An item of another type, or an int too large for
     * the fast path, ends the compensation: the total so far is made a float and everything
     * after is added one by one.
     */
    private static final class Sum {
        private final Machine m;
        private final boolean compensates, intsToo;
        private Object total;
        /** Whether the total is the float {@code hi} with the error {@code lo} kept apart. */
        private boolean split;
        /** Whether compensation has ended for good (only + from now on). */
        private boolean plain;
        private double hi, lo;

        Sum(Machine m, Object start) {
            if (start instanceof String) throw PyRaise.of(PyType.TYPE_ERROR, "sum() can't sum strings [use ''.join(seq) instead]");
            this.m = m;
            this.compensates = !m.version().has(lockstep.core.Delta.SUM_ROUNDS_EACH_FLOAT);
            this.intsToo = m.version().has(lockstep.core.Delta.SUM_COMPENSATES_INTS);
            this.total = start;
            if (compensates && start instanceof Double d) begin(d);
        }

        private void begin(double d) {
            split = true;
            hi = d;
            lo = 0;
        }

        void add(Object o) {
            if (split) {
                if (o instanceof Double d) {
                    compensated(d);
                    return;
                }
                if (Ints.isInt(o)) {
                    Long small = Ints.small(o);
                    if (intsToo) {
                        double d = ((Number) (small != null ? small : o)).doubleValue();
                        if (!Double.isInfinite(d)) {
                            compensated(d);
                            return;
                        }
                    } else if (small != null) {
                        hi += (double) small;
                        return;
                    }
                }
                total = result();
                split = false;
                plain = true;
            }
            total = Py.binary(m, "+", total, o, false);
            if (compensates && !plain && total instanceof Double d) begin(d);
        }

        private void compensated(double x) {
            double t = hi + x;
            lo += Math.abs(hi) >= Math.abs(x) ? (hi - t) + x : (x - t) + hi;
            hi = t;
        }

        Object result() {
            if (!split) return total;
            return lo != 0 && Double.isFinite(lo) ? hi + lo : hi;
        }
    }

    /** How CPython words a wrong number of arguments to a method, by how the method is declared. */
    enum Arity {
        /** "strip expected at most 1 argument, got 2" */
        CLINIC,
        /** "count() takes at least 1 argument (0 given)" */
        TAKES,
        /** "list.append() takes exactly one argument (0 given)", "str.upper() takes no arguments (1 given)" */
        EXACT,
        /** "sort() takes no positional arguments" */
        KEYWORDS,
        /** "replace() takes at least 2 positional arguments (1 given)", "replace() takes at most 3 arguments (4 given)" */
        POSITIONAL
    }

    /** Arguments of a native call: an array whose last kw.size() values were passed by keyword. */
    static final class Args {
        private final Object[] all;
        private final int npos;
        final Map<String, Object> kw;
        final String fn;
        /** For a method of a builtin type: its name with the type's ({@code list.append}). */
        private String qualified;

        /** These arguments are those of method {@code qualified}. */
        Args of(String qualified) {
            this.qualified = qualified;
            return this;
        }

        Args(String fn, Object[] all, String[] kwNames) {
            this.fn = fn;
            this.all = all;
            int nkw = kwNames == null ? 0 : kwNames.length;
            this.npos = all.length - nkw;
            this.kw = nkw == 0 ? Map.of() : new LinkedHashMap<>();
            for (int i = 0; i < nkw; i++) kw.put(kwNames[i], all[npos + i]);
        }

        /** The positional arguments. */
        List<Object> pos() { return Arrays.asList(all).subList(0, npos); }

        Object get(int i) { return all[Objects.checkIndex(i, npos)]; }
        int size() { return npos; }

        /** Positional i, else keyword name, else dflt. */
        Object opt(int i, String name, Object dflt) {
            if (i < npos) return all[i];
            return kw.containsKey(name) ? kw.get(name) : dflt;
        }

        Args exactly(int n) {
            if (npos != n || !kw.isEmpty()) {
                throw PyRaise.of(PyType.TYPE_ERROR, fn + "() takes exactly " + (n == 1 ? "one argument" : n + " arguments")
                        + " (" + npos + " given)");
            }
            return this;
        }

        /**
         * For a method of a builtin type (its receiver is argument 0): checks that between
         * {@code lo} and {@code hi} arguments follow the receiver, by position or by one of
         * {@code keywords}, with CPython's message for the way the method is declared.
         */
        Args method(int lo, int hi, Arity style, String... keywords) {
            String name = qualified.substring(qualified.indexOf('.') + 1);
            for (String k : kw.keySet()) {
                if (keywords.length == 0) throw PyRaise.of(PyType.TYPE_ERROR, qualified + "() takes no keyword arguments");
                if (!Arrays.asList(keywords).contains(k)) {
                    throw PyRaise.of(PyType.TYPE_ERROR, "'" + k + "' is an invalid keyword argument for " + name + "()");
                }
            }
            int n = npos - 1 + kw.size();
            if (n >= lo && n <= hi) return this;
            String message = switch (style) {
                case CLINIC -> expected(name, lo, hi, n);
                case TAKES -> name + "() takes " + (n < lo ? "at least " + plural(lo) : "at most " + plural(hi)) + " (" + n + " given)";
                case EXACT -> qualified + "() takes " + (hi == 0 ? "no arguments" : "exactly one argument") + " (" + n + " given)";
                case KEYWORDS -> name + "() takes no positional arguments";
                case POSITIONAL -> name + "() takes " + (n < lo ? "at least " + lo + " positional arguments" : "at most " + plural(hi))
                        + " (" + n + " given)";
            };
            throw PyRaise.of(PyType.TYPE_ERROR, message);
        }

        private static String plural(int n) { return n + (n == 1 ? " argument" : " arguments"); }

        /** The receiver of a str method. */
        String self() { return (String) all[0]; }

        /**
         * A builtin that CPython declares with Argument Clinic: between lo and hi positional
         * arguments, else "range expected at least 1 argument, got 0".
         */
        Args clinic(String name, int lo, int hi) {
            if (npos >= lo && npos <= hi) return this;
            throw PyRaise.of(PyType.TYPE_ERROR, expected(name, lo, hi, npos));
        }

        /** Argument Clinic's words for {@code n} arguments where lo to hi are taken: "range expected at least 1 argument, got 0". */
        private static String expected(String name, int lo, int hi, int n) {
            return name + " expected " + (lo == hi ? "" : n < lo ? "at least " : "at most ") + plural(n < lo ? lo : hi) + ", got " + n;
        }

        /** For the types list, tuple and bool: at most one argument, none by keyword. */
        Args atMostOne(String type) {
            if (!kw.isEmpty()) throw PyRaise.of(PyType.TYPE_ERROR, type + "() takes no keyword arguments");
            return clinic(type, 0, 1);
        }

        int ref(int i) { return ((Ref) get(i)).id(); }
    }

    private static final Map<String, Impl> IMPL = new HashMap<>();
    private static final Map<String, Object> USER_GLOBALS = new HashMap<>();
    private static final Map<String, Object> PRELUDE_GLOBALS = new HashMap<>();
    private static final Map<String, Object> ASYNCIO = new HashMap<>();

    private static void def(String name, Impl impl) { IMPL.put(name, impl); }

    /** A builtin name visible to scenarios (and to the prelude). */
    private static void user(String name, Object value) { USER_GLOBALS.put(name, value); PRELUDE_GLOBALS.put(name, value); }

    static Object global(String name, boolean prelude) {
        return prelude ? PRELUDE_GLOBALS.get(name) : USER_GLOBALS.get(name);
    }

    /** The names a scenario may use without defining them (for the subset check). */
    public static Set<String> userGlobalNames() { return Collections.unmodifiableSet(USER_GLOBALS.keySet()); }

    /** The attributes of the asyncio module in the subset. */
    public static Set<String> asyncioNames() { return Collections.unmodifiableSet(ASYNCIO.keySet()); }

    /** Every attribute or method name supported on some object. */
    public static final Set<String> ATTRIBUTES = new HashSet<>();

    /** An implementation with the name its errors show, found once per builtin or type. */
    private record Resolved(Impl impl, String shown) {}

    /** The resolutions of types (a builtin keeps its own). */
    private static final java.util.concurrent.ConcurrentHashMap<Object, Resolved> RESOLVED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Resolved resolve(Object fn) {
        String name = fn instanceof Builtin b ? b.name() : "type:" + ((PyType) fn).name;
        Impl impl = IMPL.get(name);
        if (impl == null) return new Resolved(null, name);
        return new Resolved(impl, name.startsWith("type:") ? name.substring(5) : name.substring(name.lastIndexOf('.') + 1));
    }

    /** The implementation of a builtin (remembered by the builtin itself) or of a type. */
    private static Resolved resolved(Object fn) {
        if (fn instanceof Builtin b) {
            if (b.resolved == null) b.resolved = resolve(fn);
            return (Resolved) b.resolved;
        }
        Resolved r = RESOLVED.get(fn);
        return r != null ? r : RESOLVED.computeIfAbsent(fn, Builtins::resolve);
    }

    /** Calls a builtin or a type with an argument array it may keep, the last kw.length by keyword (kw null: none). */
    static Object call(Machine m, Object fn, Object[] args, String[] kw) {
        if (fn instanceof MethodDescriptor d) return callDescriptor(m, d, args, kw);
        if (!(fn instanceof Builtin) && !(fn instanceof PyType)) {
            throw PyRaise.of(PyType.TYPE_ERROR, "'" + Py.typeOf(m, fn).name + "' object is not callable");
        }
        Resolved r = resolved(fn);
        if (r.impl() == null) {
            if (fn instanceof PyType t && t.isException()) return new PyExc(t, Vec.of(args));
            throw PyRaise.of(PyType.TYPE_ERROR, "cannot create '" + ((fn instanceof PyType t) ? t.name : r.shown()) + "' instances");
        }
        return r.impl().call(m, new Args(r.shown(), args, kw));
    }

    /**
     * {@code str.upper("a")}: the method called with its first argument for the object,
     * which must be one of the type (descrobject.c's messages).
     */
    private static Object callDescriptor(Machine m, MethodDescriptor d, Object[] args, String[] kw) {
        int positional = args.length - (kw == null ? 0 : kw.length);
        if (positional == 0) {
            throw PyRaise.of(PyType.TYPE_ERROR, "unbound method " + d.type().name + "." + d.name() + "() needs an argument");
        }
        if (Py.typeOf(m, args[0]) != d.type()) {
            throw PyRaise.of(PyType.TYPE_ERROR, "descriptor '" + d.name() + "' for '" + d.type().name + "' objects doesn't apply to a '"
                    + Py.typeOf(m, args[0]).name + "' object");
        }
        return call(m, new Builtin(d.type().name + "." + d.name()), args, kw);
    }

    // ------------------------------------------------------------------ attributes

    /** obj.name: a method bound to obj, a property's value, or AttributeError. */
    static Object getattr(Machine m, Object obj, String name) {
        if (obj instanceof lockstep.lang.Compiler.ModuleRef) {
            Object v = AsyncioApi.absent(m, "asyncio", name) ? null : AsyncioApi.versioned(m, ASYNCIO.get(name));
            if (v == null) throw PyRaise.of(PyType.ATTRIBUTE_ERROR, "module 'asyncio' has no attribute '" + name + "'");
            if (v instanceof AsyncioApi.PreludeName p) return m.preludeFunction(p.slot());
            return v;
        }
        if (obj instanceof PyType t) {
            if (name.equals("__name__")) return t.name;
            if (name.equals("__qualname__")) return t.name;
            if (DESCRIPTOR_TYPES.contains(t) && IMPL.containsKey(t.name + "." + name)) return new MethodDescriptor(t, name);
        }
        if (obj instanceof Func f && name.equals("__name__")) return f.name();
        if (obj instanceof PyExc e && name.equals("args")) return new Tuple(e.args);
        PyType t = Py.typeOf(m, obj);
        Object o = obj instanceof Ref r ? m.peek(r.id()) : null; // a method depends on the type alone, not a read
        String key = o instanceof SemObj ? "Semaphore" : t.name;
        if (obj instanceof Ref r) {
            Object prop = property(m, r.id(), o, name);
            if (prop != null) {
                m.get(r.id()); // a property shows the object's state: a read
                return prop;
            }
            if (o instanceof CondObj c && (name.equals("acquire") || name.equals("release") || name.equals("locked"))) {
                return getattr(m, new Ref(c.s().lock()), name);
            }
        }
        Method meth = methodOf(key, name);
        if (meth.prelude() < 0 && meth.builtin() == null || meth.since311() && m.version().has(Delta.NO_3_11_API)) {
            throw new PyRaise(new PyExc(PyType.ATTRIBUTE_ERROR, Vec.of("'" + typeName(m, t) + "' object has no attribute '" + name + "'"),
                    Suggestions.forAttribute(m.version(), t.name, obj instanceof PyExc, name)));
        }
        if (meth.prelude() >= 0) return new BoundMethod(obj, m.preludeFunction(meth.prelude()), name);
        return new BoundMethod(obj, meth.builtin(), name);
    }

    /**
     * The method {@code name} of the objects whose type is {@code key} (the type's name, or
     * Semaphore for both semaphores): a prelude function's global slot or a native (a Task's
     * inherited from Future), or neither (slot -1, no native); and whether it arrived in 3.11
     * ({@link AsyncioApi#absent}).
     */
    private record Method(int prelude, Builtin builtin, boolean since311) {}

    /** Methods by type key and name, resolved once: attribute lookup is on the interpreter's hot path. */
    private static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.ConcurrentHashMap<String, Method>> METHODS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Method methodOf(String key, String name) {
        java.util.concurrent.ConcurrentHashMap<String, Method> ofType = METHODS.get(key);
        if (ofType == null) ofType = METHODS.computeIfAbsent(key, k -> new java.util.concurrent.ConcurrentHashMap<>());
        Method meth = ofType.get(name);
        return meth != null ? meth : ofType.computeIfAbsent(name, n -> method(key, n));
    }

    private static Method method(String key, String name) {
        String q = key + "." + name;
        boolean since311 = AsyncioApi.arrivedIn311(q);
        String prelude = PRELUDE_METHODS.get(q);
        if (prelude != null) return new Method(Program.preludeSlot(prelude), null, since311);
        if (IMPL.containsKey(q)) return new Method(-1, new Builtin(q), since311);
        if (key.equals(PyType.TASK.name) && IMPL.containsKey("Future." + name)) return new Method(-1, new Builtin("Future." + name), since311);
        return new Method(-1, null, since311);
    }

    /**
     * A type's name as CPython's errors print it (its tp_name): Future and Task are the C
     * types of _asyncio, but in an oracle whose futures are Python's.
     */
    private static String typeName(Machine m, PyType t) {
        boolean c = (t == PyType.FUTURE || t == PyType.TASK) && !m.version().has(Delta.FUTURE_IN_PYTHON);
        return c ? "_asyncio." + t.name : t.name;
    }

    /** The builtin types whose methods may be read off the type ({@link #callDescriptor}). */
    private static final java.util.Set<PyType> DESCRIPTOR_TYPES = java.util.Set.of(PyType.STR, PyType.LIST, PyType.DICT, PyType.TUPLE);

    /** Properties and readable private fields (CPython's tests read _waiters). */
    private static Object property(Machine m, int id, Object o, String name) {
        if (o instanceof BarrierObj b) {
            switch (name) {
                case "parties": return b.s().parties();
                case "n_waiting": return (long) b.s().nWaiting();
                case "broken": return b.s().broken();
                default: break;
            }
        }
        if (name.equals("_waiters")) {
            if (o instanceof LockObj l) return l.s().hasQueue() ? waiters(l.s().waiters()) : Interp.NONE;
            if (o instanceof EventObj e) return waiters(e.s().waiters());
            if (o instanceof CondObj c) return waiters(c.s().waiters());
            if (o instanceof SemObj s) return s.s().hasQueue() ? waiters(s.s().waiters()) : Interp.NONE;
        }
        return null;
    }

    private static Object waiters(Vec<Integer> w) {
        Object[] refs = new Object[w.size()];
        for (int i = 0; i < refs.length; i++) refs[i] = new Ref(w.get(i));
        return new DequeVal(Vec.adopt(refs));
    }

    /** Methods written in the prelude (they may suspend), by "Type.method". */
    private static final Map<String, String> PRELUDE_METHODS = new HashMap<>();

    private static void preludeMethod(String type, String method) {
        PRELUDE_METHODS.put(type + "." + method, type + "_" + method);
        ATTRIBUTES.add(method);
    }

    private static void method(String qualified, Impl impl) {
        def(qualified, (m, a) -> impl.call(m, a.of(qualified)));
        ATTRIBUTES.add(qualified.substring(qualified.indexOf('.') + 1));
    }

    // ------------------------------------------------------------------ helpers

    static Ref ref(int id) { return new Ref(id); }

    static Immediate immediate(Object v) { return new Immediate(v, null); }

    private static void wake(Machine m, Vec<Wake> wakes) {
        for (Wake w : wakes) m.setResult(w.future(), w.result());
    }

    private static LockObj lock(Machine m, int id) { return (LockObj) m.get(id); }
    private static EventObj event(Machine m, int id) { return (EventObj) m.get(id); }
    private static CondObj cond(Machine m, int id) { return (CondObj) m.get(id); }
    private static SemObj sem(Machine m, int id) { return (SemObj) m.get(id); }
    private static BarrierObj barrier(Machine m, int id) { return (BarrierObj) m.get(id); }

    private static boolean condLockHeld(Machine m, int condId) {
        return lock(m, cond(m, condId).s().lock()).s().locked();
    }

    /**
     * An int argument the model keeps in a long (a count, a value of a primitive, a range
     * bound): one beyond 64 bits stops the run at the model's bound (exit 4).
     */
    static long intArg(Machine m, Object v, String what) {
        if (v instanceof Long l) return l;
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof java.math.BigInteger) throw new ResourceBound("an int beyond 64 bits as " + what + "()'s argument");
        throw PyRaise.of(PyType.TYPE_ERROR, "'" + Py.typeOf(m, v).name + "' object cannot be interpreted as an integer");
    }

    static double number(Machine m, Object v) {
        if (Py.isNumber(v)) return Py.toDouble(v);
        throw PyRaise.of(PyType.TYPE_ERROR, "must be real number, not " + Py.typeOf(m, v).name);
    }

    private static List<Object> items(Machine m, Object v) { return Py.toList(m, v); }

    /**
     * Iterates as Python does, one item at a time (a generator expression computes each
     * item only when asked), while {@code body} returns true; returns false if it stopped early.
     */
    static boolean forEach(Machine m, Object iterable, java.util.function.Predicate<Object> body) {
        Object it = Py.iter(m, iterable);
        for (Object[] n = Py.next(m, it); n != null; n = Py.next(m, n[0])) {
            if (!body.test(n[1])) return false;
        }
        return true;
    }

    private static Ref newList(Machine m, List<Object> items) { return ref(m.alloc(new ListObj(Vec.copyOf(items)))); }

    /** How str.startswith, endswith, count and index word a wrong number of arguments (3.13 declares them with Argument Clinic). */
    private static Arity clinic(Machine m) {
        return m.version().has(lockstep.core.Delta.STR_METHODS_BY_ARGUMENT_CLINIC) ? Arity.CLINIC : Arity.TAKES;
    }

    /** A decimal float literal as float() reads it, its digits in ASCII and without underscores (checked apart). */
    private static final java.util.regex.Pattern FLOAT_LITERAL =
            java.util.regex.Pattern.compile("(\\d(_?\\d)*(\\.(\\d(_?\\d)*)?)?|\\.\\d(_?\\d)*)([eE][+-]?\\d(_?\\d)*)?");

    /**
     * float(s) as CPython reads it: surrounding whitespace, a sign, then inf, infinity or nan
     * in any case, or a decimal literal (digits of any script, single underscores between
     * digits); ValueError otherwise (Java's own syntax, such as "1.5d" or hex, is refused).
     */
    private static double parseFloat(String s) {
        String t = Py.stripSpace(s);
        StringBuilder ascii = new StringBuilder(t.length());
        t.codePoints().forEach(c -> ascii.appendCodePoint(c >= 128 && Character.isDigit(c) ? '0' + Character.digit(c, 10) : c));
        String u = ascii.toString();
        int i = !u.isEmpty() && (u.charAt(0) == '+' || u.charAt(0) == '-') ? 1 : 0;
        boolean negative = i == 1 && u.charAt(0) == '-';
        String body = u.substring(i).toLowerCase(Locale.ROOT);
        if (body.equals("inf") || body.equals("infinity")) return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (body.equals("nan")) return Double.NaN;
        if (!FLOAT_LITERAL.matcher(body).matches()) {
            throw PyRaise.of(PyType.VALUE_ERROR, "could not convert string to float: " + Py.strRepr(s));
        }
        double d = Double.parseDouble(body.replace("_", ""));
        return negative ? -d : d;
    }

    /** print's sep= or end=: a str, or None for the default; TypeError otherwise, before anything is printed. */
    private static String printOption(Machine m, Args a, String name, String dflt) {
        Object v = a.kw.getOrDefault(name, NONE);
        if (v == NONE) return dflt;
        if (v instanceof String s) return s;
        throw PyRaise.of(PyType.TYPE_ERROR, name + " must be None or a string, not " + Py.typeOf(m, v).name);
    }

    /** The reverse= of sorted() and list.sort(): its truth (3.10 and 3.11 took an int, as an index). */
    private static boolean reverse(Machine m, Args a) {
        if (!a.kw.containsKey("reverse")) return false;
        Object r = a.kw.get("reverse");
        if (m.version().has(lockstep.core.Delta.SORT_REVERSE_IS_AN_INT) && !(r instanceof Long || r instanceof Boolean)) {
            if (r instanceof java.math.BigInteger) throw PyRaise.of(PyType.OVERFLOW_ERROR, "Python int too large to convert to C int");
            throw PyRaise.of(PyType.TYPE_ERROR, "'" + Py.typeOf(m, r).name + "' object cannot be interpreted as an integer");
        }
        return Py.truthy(m, r);
    }

    /** A start or end argument of list.index: negative from the end, clamped to the list. */
    private static int listBound(Machine m, Object v, int n) {
        if (!Ints.isInt(v)) throw PyRaise.of(PyType.TYPE_ERROR, "slice indices must be integers or have an __index__ method");
        long i = v instanceof java.math.BigInteger b ? (b.signum() > 0 ? Long.MAX_VALUE : -Long.MAX_VALUE) : Ints.small(v);
        if (i < 0) i += n;
        return (int) Math.max(0, Math.min(i, n));
    }

    private static ListObj list(Machine m, Args a) { return (ListObj) m.get(a.ref(0)); }

    private static DictObj dict(Machine m, Args a) { return (DictObj) m.get(a.ref(0)); }

    // ------------------------------------------------------------------ definitions

    static {
        // ---- builtins of Python
        user("print", new Builtin("print"));
        def("print", (m, a) -> {
            String sep = printOption(m, a, "sep", " ");
            String end = printOption(m, a, "end", "\n");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) sb.append(sep);
                sb.append(Py.str(m, a.get(i)));
            }
            m.print(sb.append(end).toString());
            return NONE;
        });
        user("repr", new Builtin("repr"));
        def("repr", (m, a) -> Py.repr(m, a.exactly(1).get(0)));
        user("len", new Builtin("len"));
        def("len", (m, a) -> {
            Object v = a.exactly(1).get(0);
            if (v instanceof String s) return (long) s.codePointCount(0, s.length());
            if (v instanceof Tuple t) return (long) t.items().size();
            if (v instanceof RangeVal r) return Py.rangeLen(r);
            if (v instanceof Ref r && m.get(r.id()) instanceof ListObj l) return (long) l.items().size();
            if (v instanceof Ref r && m.get(r.id()) instanceof DictObj d) return (long) d.keys().size();
            if (v instanceof DictView d) return (long) Py.dictOf(m, d).keys().size();
            if (v instanceof DequeVal d) return (long) d.items().size();
            throw PyRaise.of(PyType.TYPE_ERROR, "object of type '" + Py.typeOf(m, v).name + "' has no len()");
        });
        user("range", new Builtin("range"));
        def("range", (m, a) -> {
            a.clinic("range", 1, 3);
            long start = 0, stop, step = 1;
            if (a.size() == 1) stop = intArg(m, a.get(0), "range");
            else { start = intArg(m, a.get(0), "range"); stop = intArg(m, a.get(1), "range"); }
            if (a.size() == 3) step = intArg(m, a.get(2), "range");
            if (step == 0) throw PyRaise.of(PyType.VALUE_ERROR, "range() arg 3 must not be zero");
            return new RangeVal(start, stop, step);
        });
        user("isinstance", new Builtin("isinstance"));
        def("isinstance", (m, a) -> {
            a.clinic("isinstance", 2, 2);
            Object t = a.get(1);
            if (t instanceof Tuple tu) {
                for (Object o : tu.items()) if (Py.isInstance(m, a.get(0), (PyType) o)) return true;
                return false;
            }
            if (!(t instanceof PyType pt)) throw PyRaise.of(PyType.TYPE_ERROR, "isinstance() arg 2 must be a type, a tuple of types, or a union");
            return Py.isInstance(m, a.get(0), pt);
        });
        user("type", PyType.TYPE);
        def("type:type", (m, a) -> {
            if (a.size() != 1 || !a.kw.isEmpty()) throw PyRaise.of(PyType.TYPE_ERROR, "type() takes 1 or 3 arguments");
            return Py.typeOf(m, a.get(0));
        });
        user("int", PyType.INT);
        def("type:int", (m, a) -> {
            if (a.size() > 2) throw PyRaise.of(PyType.TYPE_ERROR, m.version().has(lockstep.core.Delta.INT_BY_ARGUMENT_CLINIC)
                    ? "int expected at most 2 arguments, got " + a.size() : "int() takes at most 2 arguments (" + a.size() + " given)");
            Object baseArg = a.opt(1, "base", null);
            if (baseArg != null) {
                if (a.size() == 0) throw PyRaise.of(PyType.TYPE_ERROR, "int() missing string argument");
                long base = intArg(m, baseArg, "int");
                if (base != 0 && (base < 2 || base > 36)) throw PyRaise.of(PyType.VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0");
                if (!(a.get(0) instanceof String s)) throw PyRaise.of(PyType.TYPE_ERROR, "int() can't convert non-string with explicit base");
                return Ints.parse(s, (int) base, m.version());
            }
            if (a.size() == 0) return 0L;
            Object v = a.get(0);
            if (v instanceof Boolean b) return b ? 1L : 0L;
            if (Ints.isInt(v)) return v;
            if (v instanceof Double d) return Ints.fromDouble(d);
            if (v instanceof String s) return Ints.parse(s, m.version());
            throw PyRaise.of(PyType.TYPE_ERROR, "int() argument must be a string, a bytes-like object or a real number, not '" + Py.typeOf(m, v).name + "'");
        });
        user("float", PyType.FLOAT);
        def("type:float", (m, a) -> {
            if (a.size() == 0) return 0.0;
            Object v = a.get(0);
            if (v instanceof String s) return parseFloat(s);
            if (!Py.isNumber(v)) {
                throw PyRaise.of(PyType.TYPE_ERROR, "float() argument must be a string or a real number, not '" + Py.typeOf(m, v).name + "'");
            }
            return number(m, v);
        });
        user("str", PyType.STR);
        def("type:str", (m, a) -> {
            for (String k : a.kw.keySet()) {
                if (!k.equals("object")) {
                    throw PyRaise.of(PyType.TYPE_ERROR, m.version().has(lockstep.core.Delta.UNEXPECTED_KEYWORD_MESSAGE)
                            ? "str() got an unexpected keyword argument '" + k + "'" : "'" + k + "' is an invalid keyword argument for str()");
                }
            }
            if (a.size() > 3) throw PyRaise.of(PyType.TYPE_ERROR, "str() takes at most 3 arguments (" + a.size() + " given)");
            if (a.size() > 1) {
                if (!(a.get(1) instanceof String)) {
                    throw PyRaise.of(PyType.TYPE_ERROR, "str() argument 'encoding' must be str, not " + Py.typeOf(m, a.get(1)).name);
                }
                throw PyRaise.of(PyType.TYPE_ERROR, "decoding to str: need a bytes-like object, " + Py.typeOf(m, a.get(0)).name + " found");
            }
            Object v = a.size() == 1 ? a.get(0) : a.kw.get("object");
            return v == null ? "" : Py.str(m, v);
        });
        user("bool", PyType.BOOL);
        def("type:bool", (m, a) -> a.atMostOne("bool").size() != 0 && Py.truthy(m, a.get(0)));
        user("list", PyType.LIST);
        def("type:list", (m, a) -> newList(m, a.atMostOne("list").size() == 0 ? List.of() : items(m, a.get(0))));
        user("tuple", PyType.TUPLE);
        def("type:tuple", (m, a) -> a.atMostOne("tuple").size() == 0 ? Tuple.EMPTY : new Tuple(Vec.copyOf(items(m, a.get(0)))));
        user("dict", PyType.DICT);
        def("type:dict", (m, a) -> {
            DictObj d = DictObj.EMPTY;
            if (a.size() == 1) {
                if (a.get(0) instanceof Ref r && m.get(r.id()) instanceof DictObj src) d = src;
                else {
                    List<Object> pairs = items(m, a.get(0));
                    for (int i = 0; i < pairs.size(); i++) {
                        if (!Py.iterable(m, pairs.get(i))) {
                            if (m.version().has(lockstep.core.Delta.DICT_UPDATE_ELEMENT_NOT_ITERABLE)) throw PyRaise.of(PyType.TYPE_ERROR, "object is not iterable");
                            throw PyRaise.of(PyType.TYPE_ERROR, "cannot convert dictionary update sequence element #" + i + " to a sequence");
                        }
                        List<Object> p = items(m, pairs.get(i));
                        if (p.size() != 2) {
                            throw PyRaise.of(PyType.VALUE_ERROR, "dictionary update sequence element #" + i + " has length " + p.size() + "; 2 is required");
                        }
                        d = Py.dictPut(m, d, p.get(0), p.get(1));
                    }
                }
            }
            for (Map.Entry<String, Object> e : a.kw.entrySet()) d = Py.dictPut(m, d, e.getKey(), e.getValue());
            return ref(m.alloc(d));
        });
        user("sorted", new Builtin("sorted"));
        def("sorted", (m, a) -> {
            a.clinic("sorted", 1, 1);
            List<Object> l = new ArrayList<>(items(m, a.get(0)));
            sortList(m, l, a.kw.get("key"), reverse(m, a));
            return newList(m, l);
        });
        user("sum", new Builtin("sum"));
        def("sum", (m, a) -> {
            if (a.size() == 0) throw PyRaise.of(PyType.TYPE_ERROR, "sum() takes at least 1 positional argument (0 given)");
            Sum sum = new Sum(m, a.opt(1, "start", 0L));
            forEach(m, a.get(0), o -> { sum.add(o); return true; });
            return sum.result();
        });
        user("min", new Builtin("min"));
        def("min", (m, a) -> extreme(m, a.clinic("min", 1, Integer.MAX_VALUE), true));
        user("max", new Builtin("max"));
        def("max", (m, a) -> extreme(m, a.clinic("max", 1, Integer.MAX_VALUE), false));
        user("any", new Builtin("any"));
        def("any", (m, a) -> !forEach(m, a.exactly(1).get(0), o -> !Py.truthy(m, o)));
        user("all", new Builtin("all"));
        def("all", (m, a) -> forEach(m, a.exactly(1).get(0), o -> Py.truthy(m, o)));
        user("abs", new Builtin("abs"));
        def("abs", (m, a) -> {
            Object v = a.exactly(1).get(0);
            if (v instanceof Double d) return Math.abs(d);
            if (Ints.isInt(v)) return Ints.abs(v);
            throw PyRaise.of(PyType.TYPE_ERROR, "bad operand type for abs(): '" + Py.typeOf(m, v).name + "'");
        });
        user("enumerate", new Builtin("enumerate"));
        def("enumerate", (m, a) -> {
            Object it = Py.iter(m, a.get(0));
            long start = intArg(m, a.opt(1, "start", 0L), "enumerate");
            return ref(m.alloc(new IterObj(PyType.ENUMERATE, Vec.of(it), start)));
        });
        user("zip", new Builtin("zip"));
        def("zip", (m, a) -> {
            Object[] its = new Object[a.pos().size()];
            for (int j = 0; j < its.length; j++) its[j] = Py.iter(m, a.pos().get(j));
            return ref(m.alloc(new IterObj(PyType.ZIP, Vec.adopt(its), 0)));
        });
        user("reversed", new Builtin("reversed"));
        def("reversed", (m, a) -> {
            a.clinic("reversed", 1, 1);
            return reversed(m, a.exactly(1).get(0));
        });
        user("__name__", "__main__");
        for (String e : List.of("BaseException", "Exception", "RuntimeError", "ValueError", "KeyError", "IndexError",
                "TypeError", "AssertionError", "ZeroDivisionError", "NameError", "TimeoutError", "LookupError",
                "ArithmeticError", "AttributeError", "NotImplementedError", "UnboundLocalError", "OSError",
                "StopIteration", "KeyboardInterrupt", "SystemExit", "OverflowError", "RecursionError")) {
            user(e, PyType.byName(e));
        }

        // ---- methods of plain data
        method("list.append", (m, a) -> { a.method(1, 1, Arity.EXACT); m.set(a.ref(0), new ListObj(list(m, a).items().append(a.get(1)))); return NONE; });
        method("list.insert", (m, a) -> {
            a.method(2, 2, Arity.CLINIC);
            Vec<Object> it = list(m, a).items();
            long i = intArg(m, a.get(1), "insert");
            if (i < 0) i = Math.max(0, i + it.size());
            m.set(a.ref(0), new ListObj(it.insert((int) Math.min(i, it.size()), a.get(2))));
            return NONE;
        });
        method("list.pop", (m, a) -> {
            a.method(0, 1, Arity.CLINIC);
            Vec<Object> it = list(m, a).items();
            long at = a.size() > 1 ? intArg(m, a.get(1), "pop") : -1; // the argument is an index before the list is looked at
            if (it.isEmpty()) throw PyRaise.of(PyType.INDEX_ERROR, "pop from empty list");
            int i = (int) Py.index(m, at, it.size(), "pop");
            m.set(a.ref(0), new ListObj(it.removeAt(i)));
            return it.get(i);
        });
        method("list.remove", (m, a) -> {
            a.method(1, 1, Arity.EXACT);
            Vec<Object> it = list(m, a).items();
            for (int i = 0; i < it.size(); i++) {
                if (Py.eq(m, it.get(i), a.get(1))) { m.set(a.ref(0), new ListObj(it.removeAt(i))); return NONE; }
            }
            throw PyRaise.of(PyType.VALUE_ERROR, "list.remove(x): x not in list");
        });
        method("list.index", (m, a) -> {
            a.method(1, 3, Arity.CLINIC);
            Vec<Object> it = list(m, a).items();
            int lo = listBound(m, a.opt(2, "", 0L), it.size()), hi = listBound(m, a.opt(3, "", (long) it.size()), it.size());
            for (int i = lo; i < hi; i++) if (Py.eq(m, it.get(i), a.get(1))) return (long) i;
            throw PyRaise.of(PyType.VALUE_ERROR, m.version().has(lockstep.core.Delta.LIST_INDEX_MESSAGE) ? "list.index(x): x not in list"
                    : Py.repr(m, a.get(1)) + " is not in list");
        });
        method("list.count", (m, a) -> {
            a.method(1, 1, Arity.EXACT);
            long n = 0;
            for (Object o : list(m, a).items()) if (Py.eq(m, o, a.get(1))) n++;
            return n;
        });
        method("list.clear", (m, a) -> { a.method(0, 0, Arity.EXACT); m.set(a.ref(0), new ListObj(Vec.of())); return NONE; });
        method("list.extend", (m, a) -> {
            a.method(1, 1, Arity.EXACT);
            Vec<Object> it = list(m, a).items();
            List<Object> more = items(m, a.get(1));
            Py.checkSize((long) it.size() + more.size(), "list");
            for (Object o : more) it = it.append(o);
            m.set(a.ref(0), new ListObj(it));
            return NONE;
        });
        method("list.copy", (m, a) -> ref(m.alloc(list(m, a.method(0, 0, Arity.EXACT)))));
        method("list.reverse", (m, a) -> {
            a.method(0, 0, Arity.EXACT);
            List<Object> l = new ArrayList<>(Py.vecList(list(m, a).items()));
            Collections.reverse(l);
            m.set(a.ref(0), new ListObj(Vec.copyOf(l)));
            return NONE;
        });
        method("list.sort", (m, a) -> {
            a.method(0, 2, Arity.KEYWORDS, "key", "reverse");
            if (a.size() > 1) a.method(0, 0, Arity.KEYWORDS);
            List<Object> l = new ArrayList<>(Py.vecList(list(m, a).items()));
            sortList(m, l, a.kw.get("key"), reverse(m, a));
            m.set(a.ref(0), new ListObj(Vec.copyOf(l)));
            return NONE;
        });
        method("tuple.index", (m, a) -> {
            a.method(1, 3, Arity.CLINIC);
            Vec<Object> it = ((Tuple) a.get(0)).items();
            int lo = listBound(m, a.opt(2, "", 0L), it.size()), hi = listBound(m, a.opt(3, "", (long) it.size()), it.size());
            for (int i = lo; i < hi; i++) if (Py.eq(m, it.get(i), a.get(1))) return (long) i;
            throw PyRaise.of(PyType.VALUE_ERROR, "tuple.index(x): x not in tuple");
        });
        method("tuple.count", (m, a) -> {
            a.method(1, 1, Arity.EXACT);
            long n = 0;
            for (Object o : ((Tuple) a.get(0)).items()) if (Py.eq(m, o, a.get(1))) n++;
            return n;
        });
        method("dict.clear", (m, a) -> { a.method(0, 0, Arity.EXACT); m.set(a.ref(0), new DictObj(Vec.of(), Vec.of())); return NONE; });
        method("dict.copy", (m, a) -> ref(m.alloc(dict(m, a.method(0, 0, Arity.EXACT)))));
        method("dict.get", (m, a) -> {
            a.method(1, 2, Arity.CLINIC);
            DictObj d = dict(m, a);
            int i = Py.dictIndex(m, d, a.get(1));
            return i >= 0 ? d.vals().get(i) : (a.size() > 2 ? a.get(2) : NONE);
        });
        method("dict.keys", (m, a) -> new DictView((Ref) a.method(0, 0, Arity.EXACT).get(0), 0));
        method("dict.values", (m, a) -> new DictView((Ref) a.method(0, 0, Arity.EXACT).get(0), 1));
        method("dict.items", (m, a) -> new DictView((Ref) a.method(0, 0, Arity.EXACT).get(0), 2));
        method("dict.pop", (m, a) -> {
            a.method(1, 2, Arity.CLINIC);
            DictObj d = dict(m, a);
            int i = d.keys().isEmpty() ? -1 : Py.dictIndex(m, d, a.get(1)); // dictobject.c: an empty dict hashes no key
            if (i < 0) {
                if (a.size() > 2) return a.get(2);
                throw new PyRaise(new PyExc(PyType.KEY_ERROR, Vec.of(a.get(1))));
            }
            m.set(a.ref(0), new DictObj(d.keys().removeAt(i), d.vals().removeAt(i)));
            return d.vals().get(i);
        });
        method("dict.setdefault", (m, a) -> {
            a.method(1, 2, Arity.CLINIC);
            DictObj d = dict(m, a);
            int i = Py.dictIndex(m, d, a.get(1));
            if (i >= 0) return d.vals().get(i);
            Object v = a.size() > 2 ? a.get(2) : NONE;
            m.set(a.ref(0), Py.dictPut(m, d, a.get(1), v));
            return v;
        });
        method("str.join", (m, a) -> {
            a.method(1, 1, Arity.EXACT);
            StringBuilder sb = new StringBuilder();
            if (!Py.iterable(m, a.get(1))) throw PyRaise.of(PyType.TYPE_ERROR, "can only join an iterable");
            List<Object> parts = items(m, a.get(1));
            for (int i = 0; i < parts.size(); i++) {
                if (!(parts.get(i) instanceof String s))
                    throw PyRaise.of(PyType.TYPE_ERROR, "sequence item " + i + ": expected str instance, " + Py.typeOf(m, parts.get(i)).name + " found");
                if (i > 0) sb.append((String) a.get(0));
                Py.checkSize((long) sb.length() + s.length(), "str");
                sb.append(s);
            }
            return sb.toString();
        });
        method("str.upper", (m, a) -> a.method(0, 0, Arity.EXACT).self().toUpperCase(Locale.ROOT));
        method("str.lower", (m, a) -> a.method(0, 0, Arity.EXACT).self().toLowerCase(Locale.ROOT));
        method("str.strip", (m, a) -> Strs.strip(m, a.method(0, 1, Arity.CLINIC).self(), a.opt(1, "", NONE), true, true, "strip"));
        method("str.lstrip", (m, a) -> Strs.strip(m, a.method(0, 1, Arity.CLINIC).self(), a.opt(1, "", NONE), true, false, "lstrip"));
        method("str.rstrip", (m, a) -> Strs.strip(m, a.method(0, 1, Arity.CLINIC).self(), a.opt(1, "", NONE), false, true, "rstrip"));
        method("str.startswith", (m, a) -> Strs.affix(m, a.method(1, 3, clinic(m)).self(), a.get(1), a.opt(2, "", NONE), a.opt(3, "", NONE), true));
        method("str.endswith", (m, a) -> Strs.affix(m, a.method(1, 3, clinic(m)).self(), a.get(1), a.opt(2, "", NONE), a.opt(3, "", NONE), false));
        method("str.replace", (m, a) -> {
            String self = (m.version().has(lockstep.core.Delta.REPLACE_COUNT_BY_KEYWORD) ? a.method(2, 3, Arity.POSITIONAL, "count")
                    : a.method(2, 3, Arity.CLINIC)).self();
            return Strs.replace(m, self, a.get(1), a.get(2), a.opt(3, "count", -1L));
        });
        method("str.split", (m, a) -> newList(m, Strs.split(m, a.method(0, 2, Arity.TAKES, "sep", "maxsplit").self(),
                a.opt(1, "sep", NONE), a.opt(2, "maxsplit", -1L))));
        method("str.count", (m, a) -> Strs.count(m, a.method(1, 3, clinic(m)).self(), a.get(1), a.opt(2, "", NONE), a.opt(3, "", NONE)));
        method("str.index", (m, a) -> Strs.index(m, a.method(1, 3, clinic(m)).self(), a.get(1), a.opt(2, "", NONE), a.opt(3, "", NONE)));

        AsyncioApi.define();
    }

    static void defineNative(String name, Impl impl) {
        def(name, impl);
        PRELUDE_GLOBALS.put(name, new Builtin(name));
    }

    static void defineMethod(String qualified, Impl impl) { method(qualified, impl); }

    static void definePreludeMethod(String type, String method) { preludeMethod(type, method); }

    static void defineAsyncio(String name, Object value) {
        ASYNCIO.put(name, value);
        PRELUDE_GLOBALS.putIfAbsent(name, value);
    }

    static void defineImpl(String name, Impl impl) { def(name, impl); }

    /**
     * reversed(v): a lazy iterator over a list (its items as they are when each is asked for),
     * a range's reversed range iterator, and for a tuple, str or dict (or a dict's view) a
     * snapshot taken now, as those cannot change meanwhile (a dict that does would raise in
     * CPython); anything else is not reversible.
     */
    private static Object reversed(Machine m, Object v) {
        if (v instanceof RangeVal r) {
            long n = Py.rangeLen(r);
            return new RangeIter(r.start() + (n - 1) * r.step(), r.start() - r.step(), -r.step());
        }
        PyType kind;
        if (v instanceof Ref r && m.get(r.id()) instanceof ListObj l) {
            return ref(m.alloc(new IterObj(PyType.LIST_REVERSEITERATOR, Vec.of(v), l.items().size() - 1)));
        } else if (v instanceof Tuple || v instanceof String) {
            kind = PyType.REVERSED;
        } else if (v instanceof Ref r && m.get(r.id()) instanceof DictObj) {
            kind = PyType.DICT_REVERSEKEYITERATOR;
        } else if (v instanceof DictView d) {
            kind = d.kind() == 0 ? PyType.DICT_REVERSEKEYITERATOR : d.kind() == 1 ? PyType.DICT_REVERSEVALUEITERATOR : PyType.DICT_REVERSEITEMITERATOR;
        } else {
            throw PyRaise.of(PyType.TYPE_ERROR, "'" + Py.typeOf(m, v).name + "' object is not reversible");
        }
        List<Object> items = items(m, v);
        return ref(m.alloc(new IterObj(kind, Vec.of(new Tuple(Vec.copyOf(items))), items.size() - 1)));
    }

    static void sortList(Machine m, List<Object> l, Object key, boolean reverse) {
        List<Object> keys = new ArrayList<>();
        for (Object o : l) keys.add(key == null || key == NONE ? o : Interp.callSync(m, key, List.of(o)));
        Integer[] idx = new Integer[l.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = reverse ? idx.length - 1 - i : i;
        // listobject.c: with reverse, the list is reversed, sorted stably, and reversed again
        Arrays.sort(idx, (x, y) -> Py.order(m, "<", keys.get(x), keys.get(y)));
        List<Object> sorted = new ArrayList<>();
        for (int j = 0; j < idx.length; j++) sorted.add(l.get(idx[reverse ? idx.length - 1 - j : j]));
        l.clear();
        l.addAll(sorted);
    }

    private static Object extreme(Machine m, Args a, boolean min) {
        Object key = a.kw.get("key");
        Object[] best = {null, null};   // the item so far (null: none yet) and its key
        forEach(m, a.size() == 1 ? a.get(0) : new Tuple(Vec.copyOf(a.pos())), x -> {
            Object k = key == null || key == NONE ? x : Interp.callSync(m, key, List.of(x));
            int c = best[0] == null ? 0 : Py.order(m, min ? "<" : ">", k, best[1]); // bltinmodule.c min_max: item < best, item > best
            if (best[0] == null || (min ? c == -1 : c == 1)) { best[0] = x; best[1] = k; }
            return true;
        });
        if (best[0] == null) {
            if (a.kw.containsKey("default")) return a.kw.get("default");
            throw PyRaise.of(PyType.VALUE_ERROR, (min ? "min" : "max") + (m.version().has(lockstep.core.Delta.EMPTY_SEQUENCE_MESSAGE)
                    ? "() arg is an empty sequence" : "() iterable argument is empty"));
        }
        return best[0];
    }
}
