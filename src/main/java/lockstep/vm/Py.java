package lockstep.vm;

import lockstep.core.Vec;
import lockstep.vm.Obj.*;
import lockstep.vm.Values.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Python's data model for the values of the subset: truth, equality, order, arithmetic, str and repr. */
public final class Py {
    private Py() {}

    static final Object NONE = Interp.NONE;

    // ------------------------------------------------------------------ types

    public static PyType typeOf(Machine m, Object v) {
        if (v == NONE) return PyType.NONE_TYPE;
        if (v instanceof Boolean) return PyType.BOOL;
        if (v instanceof Long || v instanceof BigInteger) return PyType.INT;
        if (v instanceof Double) return PyType.FLOAT;
        if (v instanceof String) return PyType.STR;
        if (v instanceof Tuple) return PyType.TUPLE;
        if (v instanceof PyExc e) return e.type;
        if (v instanceof PyType) return PyType.TYPE;
        if (v instanceof Func) return PyType.FUNCTION;
        if (v instanceof BoundMethod bm) return bm.func() instanceof Builtin && !(bm.self() instanceof LoopVal) ? PyType.BUILTIN_FUNCTION : PyType.METHOD;
        if (v instanceof Builtin b) return pythonFunction(m, b) ? PyType.FUNCTION : PyType.BUILTIN_FUNCTION;
        if (v instanceof MethodDescriptor) return PyType.METHOD_DESCRIPTOR;
        if (v instanceof lockstep.lang.Compiler.ModuleRef) return PyType.MODULE;
        if (v instanceof LoopVal) return PyType.LOOP;
        if (v instanceof RangeVal) return PyType.RANGE;
        if (v instanceof SliceVal) return PyType.SLICE;
        if (v instanceof DictView d) return d.kind() == 0 ? PyType.DICT_KEYS : d.kind() == 1 ? PyType.DICT_VALUES : PyType.DICT_ITEMS;
        if (v instanceof DictIter) return PyType.DICT_KEY_ITERATOR;
        if (v instanceof RangeIter) return PyType.RANGE_ITERATOR;
        if (v instanceof DequeVal) return PyType.DEQUE;
        if (v instanceof Ref r) {
            Object o = m.peek(r.id()); // not a read: an object keeps its type
            if (o instanceof ListObj) return PyType.LIST;
            if (o instanceof DictObj) return PyType.DICT;
            if (o instanceof CoroObj) return PyType.COROUTINE;
            if (o instanceof GenObj) return PyType.GENERATOR;
            if (o instanceof IterObj it) return it.type();
            if (o instanceof TaskObj) return PyType.TASK;
            if (o instanceof FutureObj) return PyType.FUTURE;
            if (o instanceof LockObj) return PyType.LOCK;
            if (o instanceof EventObj) return PyType.EVENT;
            if (o instanceof CondObj) return PyType.CONDITION;
            if (o instanceof SemObj s) return s.s().bounded() ? PyType.BOUNDED_SEMAPHORE : PyType.SEMAPHORE;
            if (o instanceof BarrierObj) return PyType.BARRIER;
            if (o instanceof TimeoutObj) return PyType.TIMEOUT;
            if (o instanceof HandleObj h) return h.timer() ? PyType.TIMER_HANDLE : PyType.HANDLE;
        }
        return PyType.ITERATOR;
    }

    public static boolean isInstance(Machine m, Object v, PyType t) {
        return typeOf(m, v).isSubclassOf(t);
    }

    // ------------------------------------------------------------------ truth and equality

    public static boolean truthy(Machine m, Object v) {
        if (v == NONE) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Long l) return l != 0;
        if (v instanceof BigInteger) return true;
        if (v instanceof Double d) return d != 0.0;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof Tuple t) return !t.items().isEmpty();
        if (v instanceof RangeVal r) return Ints.signum(rangeLength(r)) > 0;
        if (v instanceof DictView d) return !dictOf(m, d).keys().isEmpty();
        if (v instanceof DequeVal d) return !d.items().isEmpty();
        if (v instanceof Ref r) {
            Object o = m.get(r.id());
            if (o instanceof ListObj l) return !l.items().isEmpty();
            if (o instanceof DictObj d) return !d.keys().isEmpty();
        }
        return true;
    }

    public static boolean eq(Machine m, Object a, Object b) {
        if (a == b) return true;
        if (isNumber(a) && isNumber(b)) return numCompare(a, b) == 0;
        if (a instanceof String || b instanceof String) return a.equals(b);
        if (a instanceof Tuple x && b instanceof Tuple y) return seqEq(m, x.items(), y.items());
        if (a instanceof Ref x && b instanceof Ref y) return x.id() == y.id() || heapEq(m, x, y);
        if (a instanceof PyExc || b instanceof PyExc) return a == b;
        return a.equals(b);
    }

    /**
     * The {@code ==} operator: {@link #eq}, except that a float NaN is not equal even to
     * itself (float.__eq__); containers, {@code in}, index() and count() compare identity
     * first, as CPython's PyObject_RichCompareBool does, so they go through {@link #eq}.
     */
    static boolean eqOperator(Machine m, Object a, Object b) {
        return !(a instanceof Double d && d.isNaN()) && eq(m, a, b);
    }

    private static final String COMPARISON = " in comparison";

    /** == of two distinct heap objects: lists and dicts by content, anything else by identity. */
    private static boolean heapEq(Machine m, Ref x, Ref y) {
        Object ox = m.get(x.id()), oy = m.get(y.id());
        if (ox instanceof ListObj lx && oy instanceof ListObj ly) return seqEq(m, lx.items(), ly.items());
        if (ox instanceof DictObj dx && oy instanceof DictObj dy) return dictEq(m, dx, dy);
        return false;
    }

    private static boolean dictEq(Machine m, DictObj dx, DictObj dy) {
        if (dx.keys().size() != dy.keys().size()) return false;
        Nesting.enter(COMPARISON);
        try {
            for (int i = 0; i < dx.keys().size(); i++) {
                int j = dictIndex(m, dy, dx.keys().get(i));
                if (j < 0 || !eq(m, dx.vals().get(i), dy.vals().get(j))) return false;
            }
            return true;
        } finally {
            Nesting.exit();
        }
    }

    private static boolean seqEq(Machine m, Vec<Object> a, Vec<Object> b) {
        if (a.size() != b.size()) return false;
        Nesting.enter(COMPARISON);
        try {
            for (int i = 0; i < a.size(); i++) if (!eq(m, a.get(i), b.get(i))) return false;
            return true;
        } finally {
            Nesting.exit();
        }
    }

    public static boolean is(Object a, Object b) {
        if (a == b) return true;
        if (a instanceof PyExc || b instanceof PyExc) return false;
        if (a instanceof Ref || a instanceof Long || a instanceof BigInteger || a instanceof Boolean || a instanceof String || a instanceof PyType
                || a instanceof Builtin || a instanceof lockstep.lang.Compiler.ModuleRef || a instanceof LoopVal) return a.equals(b) && a.getClass() == b.getClass();
        return false;
    }

    static boolean isNumber(Object v) { return v instanceof Double || Ints.isInt(v); }

    /** float(v) of an int or float; OverflowError for an int beyond a double's range. */
    static double toDouble(Object v) {
        if (v instanceof Double d) return d;
        return Ints.toDouble(v);
    }

    /**
     * An int that must fit a Java long (a size, a count, an index): OverflowError as
     * CPython's "cannot fit 'int' into an index-sized integer" otherwise.
     */
    static long toLong(Object v) {
        if (v instanceof Long l) return l;
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof BigInteger) return Ints.toIndex(v);
        throw new IllegalArgumentException();
    }

    /**
     * Three-way exact comparison of two numbers as Python does it: an int and a float are
     * compared without rounding the int; 2 when a NaN makes them unordered.
     */
    static int numCompare(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) return Double.isNaN(x) || Double.isNaN(y) ? 2 : Double.compare(x + 0.0, y + 0.0);
        if (a instanceof Double x) return -intFloatCompare(b, x);
        if (b instanceof Double y) return intFloatCompare(a, y);
        return Ints.compare(a, b);
    }

    private static int intFloatCompare(Object i, double d) {
        if (Double.isNaN(d)) return -2;
        if (Double.isInfinite(d)) return d > 0 ? -1 : 1;
        return Integer.signum(Ints.compareWithFloat(i, d));
    }

    // ------------------------------------------------------------------ comparison

    public static Object compare(Machine m, String op, Object a, Object b) {
        switch (op) {
            case "==": return eqOperator(m, a, b);
            case "!=": return !eqOperator(m, a, b);
            case "is": return is(a, b);
            case "is not": return !is(a, b);
            case "in": return contains(m, b, a);
            case "not in": return !contains(m, b, a);
            default: {
                int c = order(m, op, a, b);
                if (Math.abs(c) == 2) return false;   // NaN: unordered
                switch (op) {
                    case "<": return c < 0;
                    case "<=": return c <= 0;
                    case ">": return c > 0;
                    default: return c >= 0;
                }
            }
        }
    }

    /** Three-way order for <, <=, >, >= (2 or -2: unordered, a NaN); TypeError for types Python cannot order. */
    static int order(Machine m, String op, Object a, Object b) {
        if (isNumber(a) && isNumber(b)) return numCompare(a, b);
        if (a instanceof String x && b instanceof String y) return compareCodePoints(x, y);
        List<Object> xa = seqOf(m, a, false), xb = seqOf(m, b, false);
        if (xa != null && xb != null && typeOf(m, a) == typeOf(m, b)) {
            Nesting.enter(COMPARISON);
            try {
                for (int i = 0; i < Math.min(xa.size(), xb.size()); i++) {
                    if (!eq(m, xa.get(i), xb.get(i))) return order(m, op, xa.get(i), xb.get(i));
                }
                return Integer.compare(xa.size(), xb.size());
            } finally {
                Nesting.exit();
            }
        }
        throw PyRaise.of(PyType.TYPE_ERROR, "'" + op + "' not supported between instances of '"
                + typeOf(m, a).name + "' and '" + typeOf(m, b).name + "'");
    }

    static List<Object> seqOf(Machine m, Object v, boolean any) {
        if (v instanceof Tuple t) return vecList(t.items());
        if (v instanceof Ref r && m.get(r.id()) instanceof ListObj l) return vecList(l.items());
        return null;
    }

    static List<Object> vecList(Vec<Object> v) {
        List<Object> l = new ArrayList<>(v.size());
        for (Object o : v) l.add(o);
        return l;
    }

    public static boolean contains(Machine m, Object container, Object item) {
        if (container instanceof String s) {
            if (!(item instanceof String t)) throw PyRaise.of(PyType.TYPE_ERROR, "'in <string>' requires string as left operand, not " + typeOf(m, item).name);
            return s.contains(t);
        }
        if (container instanceof Ref r && m.get(r.id()) instanceof DictObj d) return dictIndex(m, d, item) >= 0;
        if (container instanceof DictView v && v.kind() == 0) return dictIndex(m, dictOf(m, v), item) >= 0;
        if (container instanceof DictView v && v.kind() == 2) {
            if (!(item instanceof Tuple t) || t.items().size() != 2) return false;
            DictObj d = dictOf(m, v);
            int i = dictIndex(m, d, t.items().get(0));
            return i >= 0 && eq(m, d.vals().get(i), t.items().get(1));
        }
        if (container instanceof RangeVal rv) {
            if (!(item instanceof Long || item instanceof Boolean)) return false;
            long l = toLong(item);
            return rv.step() > 0 ? l >= rv.start() && l < rv.stop() && (l - rv.start()) % rv.step() == 0
                    : l <= rv.start() && l > rv.stop() && (rv.start() - l) % (-rv.step()) == 0;
        }
        if (!iterable(m, container)) {
            throw PyRaise.of(PyType.TYPE_ERROR, "argument of type '" + typeOf(m, container).name + "' is not "
                    + (m.version().has(lockstep.core.Delta.CONTAINER_OR_ITERABLE_MESSAGE) ? "a container or iterable" : "iterable"));
        }
        for (Object o : toList(m, container)) if (eq(m, o, item)) return true;
        return false;
    }

    // ------------------------------------------------------------------ arithmetic

    public static Object neg(Machine m, Object v) {
        if (v instanceof Double d) return -d;
        if (Ints.isInt(v)) return Ints.neg(v);
        throw PyRaise.of(PyType.TYPE_ERROR, "bad operand type for unary -: '" + typeOf(m, v).name + "'");
    }

    public static Object pos(Machine m, Object v) {
        if (v instanceof Double) return v;
        if (v instanceof Boolean b) return b ? 1L : 0L;
        if (Ints.isInt(v)) return v;
        throw PyRaise.of(PyType.TYPE_ERROR, "bad operand type for unary +: '" + typeOf(m, v).name + "'");
    }

    public static Object binary(Machine m, String op, Object a, Object b, boolean inplace) {
        if (isNumber(a) && isNumber(b)) return arith(m, op, a, b);
        if (op.equals("+")) {
            if (a instanceof String x && b instanceof String y) {
                checkSize((long) x.length() + y.length(), "str");
                return x + y;
            }
            if (a instanceof Tuple x && b instanceof Tuple y) {
                checkSize((long) x.items().size() + y.items().size(), "tuple");
                return new Tuple(x.items().concat(y.items()));
            }
            if (a instanceof Ref x && b instanceof Ref y && m.get(x.id()) instanceof ListObj lx && m.get(y.id()) instanceof ListObj ly) {
                checkSize((long) lx.items().size() + ly.items().size(), "list");
                if (inplace) { m.set(x.id(), new ListObj(lx.items().concat(ly.items()))); return a; }
                return new Ref(m.alloc(new ListObj(lx.items().concat(ly.items()))));
            }
            if (inplace && a instanceof Ref x && m.get(x.id()) instanceof ListObj lx) {
                Vec<Object> items = lx.items();
                for (Object o : toList(m, b)) items = items.append(o);
                checkSize(items.size(), "list");
                m.set(x.id(), new ListObj(items));
                return a;
            }
            String seq = concatenableName(m, a);
            if (seq != null) throw PyRaise.of(PyType.TYPE_ERROR, "can only concatenate " + seq + " (not \""
                    + typeOf(m, b).name + "\") to " + seq);
        }
        if (op.equals("*")) {
            Object seq = isSequence(m, a) ? a : b;
            Object n = seq == a ? b : a;
            if (isSequence(m, seq)) {
                if (!Ints.isInt(n)) throw PyRaise.of(PyType.TYPE_ERROR, "can't multiply sequence by non-int of type '" + typeOf(m, n).name + "'");
                return repeat(m, seq, Math.max(0, toLong(n)), inplace && seq == a);
            }
        }
        if (op.equals("%") && a instanceof String s) return percentFormat(m, s, b);
        String sym = inplace ? op + "=" : op.equals("**") ? "** or pow()" : op;
        throw PyRaise.of(PyType.TYPE_ERROR, "unsupported operand type(s) for " + sym + ": '"
                + typeOf(m, a).name + "' and '" + typeOf(m, b).name + "'");
    }

    /** The type name in "can only concatenate T (not ...) to T": str, list, tuple; null for others. */
    private static String concatenableName(Machine m, Object a) {
        return a instanceof String || a instanceof Tuple || (a instanceof Ref r && m.get(r.id()) instanceof ListObj)
                ? typeOf(m, a).name : null;
    }

    private static boolean isSequence(Machine m, Object v) {
        return v instanceof String || v instanceof Tuple || (v instanceof Ref r && m.get(r.id()) instanceof ListObj);
    }

    /** seq * k (k >= 0) for a str, tuple or list; in place for {@code list *= k}. */
    private static Object repeat(Machine m, Object seq, long k, boolean inplace) {
        if (seq instanceof String s) {
            checkSize(sizeTimes(s.length(), k), "str");
            return s.repeat((int) k);
        }
        if (seq instanceof Tuple t) {
            checkSize(sizeTimes(t.items().size(), k), "tuple");
            return new Tuple(repeat(t.items(), k));
        }
        Ref r = (Ref) seq;
        Vec<Object> items = ((ListObj) m.get(r.id())).items();
        checkSize(sizeTimes(items.size(), k), "list");
        if (inplace) { m.set(r.id(), new ListObj(repeat(items, k))); return seq; }
        return new Ref(m.alloc(new ListObj(repeat(items, k))));
    }

    private static long sizeTimes(int size, long k) {
        return size == 0 ? 0 : Math.multiplyHigh(size, k) != 0 || size * k < 0 ? Long.MAX_VALUE : size * k;
    }

    private static Vec<Object> repeat(Vec<Object> v, long k) {
        Object[] out = new Object[(int) (v.size() * k)];
        for (int i = 0; i < out.length; i++) out[i] = v.get(i % v.size());
        return Vec.adopt(out);
    }

    // ------------------------------------------------------------------ bounds of the model

    /** The most elements (characters of a str, items of a list or tuple) one value may have. */
    public static final long MAX_ELEMENTS = 10_000_000L;

    /** The most bits one int may have (about 300,000 decimal digits). */
    public static final long MAX_INT_BITS = 1_000_000L;

    /**
     * The one check of the model's memory bound on values: a str, list or tuple longer
     * than {@link #MAX_ELEMENTS} (CPython would allocate gigabytes, or fail with MemoryError)
     * stops the run with exit code 4 and "resource bound exceeded: ...".
     */
    public static void checkSize(long n, String what) {
        if (n > MAX_ELEMENTS) throw new ResourceBound("a " + what + " of " + (n == Long.MAX_VALUE ? "2**63 or more" : n)
                + " elements (the model holds at most " + MAX_ELEMENTS + ")");
    }

    /** The same bound for ints: more than {@link #MAX_INT_BITS} bits stops the run with exit code 4. */
    static void checkIntBits(long bits) {
        if (bits > MAX_INT_BITS) throw new ResourceBound("an int of about " + (bits == Long.MAX_VALUE ? "2**63 or more" : bits)
                + " bits (the model holds at most " + MAX_INT_BITS + ")");
    }

    /**
     * Arithmetic of two numbers as CPython {@code m}'s version words it: 3.14 says
     * "division by zero" for every int and float division and modulo by zero, and "zero
     * to a negative power" ({@link lockstep.core.Delta#ZERO_DIVISION_MESSAGES}); 3.10 says
     * "integer division or modulo by zero" for int % 0 ({@link lockstep.core.Delta#INT_MODULO_MESSAGE});
     * 3.13 says "float modulo by zero" ({@link lockstep.core.Delta#FLOAT_MODULO_BY_ZERO_MESSAGE}).
     */
    private static Object arith(Machine m, String op, Object a, Object b) {
        try {
            return arith(op, a, b);
        } catch (PyRaise e) {
            if (e.exc.type != PyType.ZERO_DIVISION_ERROR) throw e;
            if (m.version().has(lockstep.core.Delta.ZERO_DIVISION_MESSAGES)) {
                throw PyRaise.of(PyType.ZERO_DIVISION_ERROR, op.equals("**") ? "zero to a negative power" : "division by zero");
            }
            if (m.version().has(lockstep.core.Delta.INT_MODULO_MESSAGE) && e.exc.args.equals(Vec.of("integer modulo by zero"))) {
                throw PyRaise.of(PyType.ZERO_DIVISION_ERROR, "integer division or modulo by zero");
            }
            if (m.version().has(lockstep.core.Delta.FLOAT_MODULO_BY_ZERO_MESSAGE) && e.exc.args.equals(Vec.of("float modulo"))) {
                throw PyRaise.of(PyType.ZERO_DIVISION_ERROR, "float modulo by zero");
            }
            throw e;
        }
    }

    private static Object arith(String op, Object a, Object b) {
        if (op.equals("**")) return power(a, b);
        boolean fl = a instanceof Double || b instanceof Double;
        if (op.equals("/")) {
            if (!fl) return Ints.trueDiv(a, b);
            double y = toDouble(b);
            if (y == 0) throw PyRaise.of(PyType.ZERO_DIVISION_ERROR, "float division by zero");
            return toDouble(a) / y;
        }
        if (fl) {
            double x = toDouble(a), y = toDouble(b);
            switch (op) {
                case "+": return x + y;
                case "-": return x - y;
                case "*": return x * y;
                case "//":
                    if (y == 0) throw PyRaise.of(PyType.ZERO_DIVISION_ERROR, "float floor division by zero");
                    return floatFloorDiv(x, y);
                default:
                    if (y == 0) throw PyRaise.of(PyType.ZERO_DIVISION_ERROR, "float modulo");
                    return floatMod(x, y);
            }
        }
        switch (op) {
            case "+": return Ints.add(a, b);
            case "-": return Ints.sub(a, b);
            case "*": return Ints.mul(a, b);
            case "//": return Ints.floorDiv(a, b);
            default: return Ints.mod(a, b);
        }
    }

    /**
     * x % y for floats as Python has it: the remainder of the truncated division (exact),
     * moved to the sign of y; a zero remainder takes the sign of y too.
     */
    private static double floatMod(double x, double y) {
        double r = x % y;
        if (r == 0) return Math.copySign(0.0, y);
        return (r < 0) != (y < 0) ? r + y : r;
    }

    /**
     * x // y for floats as Python has it: not floor(x / y), whose rounding can cross an
     * integer (1 // 0.1 is 9.0, while 1 / 0.1 is 10.0), but (x - x % y) / y, an almost exact
     * multiple, one less when the remainder changed sign, then rounded to the nearest integer;
     * a zero quotient has the sign of x / y.
     */
    private static double floatFloorDiv(double x, double y) {
        double r = x % y;
        double q = (x - r) / y;
        if (r != 0 && (r < 0) != (y < 0)) q -= 1.0;
        if (q == 0) return Math.copySign(0.0, x / y);
        double f = Math.floor(q);
        return q - f > 0.5 ? f + 1.0 : f;
    }

    /** a ** b: an int for ints with b >= 0, a float otherwise (C's pow, with Python's errors). */
    private static Object power(Object a, Object b) {
        if (!(a instanceof Double) && !(b instanceof Double) && Ints.signum(b) >= 0) {
            if (b instanceof BigInteger huge) {   // only 0, 1 and -1 have a power this high in the model
                Long x = Ints.small(a);
                if (x == null || Math.abs(x) > 1) checkIntBits(Long.MAX_VALUE);
                return x == -1 && huge.testBit(0) ? -1L : Math.abs(x);
            }
            return Ints.pow(a, toLong(b));
        }
        double x = toDouble(a), y = toDouble(b);
        if (x == 0 && y < 0) throw PyRaise.of(PyType.ZERO_DIVISION_ERROR, "0.0 cannot be raised to a negative power");
        if (x == 1 || (x == -1 && Double.isInfinite(y))) return 1.0;
        if (x < 0 && Double.isFinite(x) && Double.isFinite(y) && y != Math.rint(y))
            throw new ResourceBound("complex numbers are outside the model (" + floatRepr(x) + " ** " + floatRepr(y) + ")");
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y))
            throw new PyRaise(new PyExc(PyType.OVERFLOW_ERROR, Vec.of(34L, "Numerical result out of range")));
        return r;
    }
    private static String percentFormat(Machine m, String fmt, Object arg) {
        return Percent.format(m, fmt, arg);
    }

    // ------------------------------------------------------------------ sequences

    public static List<Object> toList(Machine m, Object v) {
        if (v instanceof RangeVal r && rangeLength(r) instanceof Long n) checkSize(n, "list");
        else if (v instanceof RangeVal) checkSize(Long.MAX_VALUE, "list");
        List<Object> out = new ArrayList<>();
        Object it = iter(m, v);
        while (true) {
            Object[] n = next(m, it);
            if (n == null) return out;
            out.add(n[1]);
            it = n[0];
        }
    }

    public static Object iter(Machine m, Object v) {
        Object it = iterOrNull(m, v);
        if (it == null) throw PyRaise.of(PyType.TYPE_ERROR, "'" + typeOf(m, v).name + "' object is not iterable");
        return it;
    }

    /** Whether {@code v} can be iterated over (a str, tuple, list, dict, view, range, generator or iterator). */
    static boolean iterable(Machine m, Object v) { return iterOrNull(m, v) != null; }

    /** An iterator over {@code v}, or null when it is not iterable. */
    private static Object iterOrNull(Machine m, Object v) {
        if (v instanceof RangeVal r) return new RangeIter(r.start(), r.stop(), r.step());
        if (v instanceof String || v instanceof Tuple) return new SeqIter(v, 0);
        if (v instanceof DequeVal d) return new SeqIter(new Tuple(d.items()), 0);
        if (v instanceof Ref r) {
            Object o = m.get(r.id());
            if (o instanceof ListObj) return new SeqIter(v, 0);
            if (o instanceof DictObj d) return new DictIter(r, d.keys(), 0, 0);
            if (o instanceof GenObj || o instanceof IterObj) return v;
        }
        if (v instanceof DictView d) return new DictIter(d.dict(), dictOf(m, d).keys(), d.kind(), 0);
        if (v instanceof RangeIter || v instanceof SeqIter || v instanceof DictIter) return v;
        return null;
    }

    /** {advanced iterator, value}, or null when exhausted. */
    public static Object[] next(Machine m, Object it) {
        if (it instanceof Ref g) return m.get(g.id()) instanceof IterObj ? iterNext(m, g) : genNext(m, g);
        if (it instanceof RangeIter r) {
            if (r.step() > 0 ? r.next() >= r.stop() : r.next() <= r.stop()) return null;
            long after = r.next() + r.step();
            boolean overflow = ((r.next() ^ after) & (r.step() ^ after)) < 0;   // then past the stop too
            return new Object[]{new RangeIter(overflow ? r.stop() : after, r.stop(), r.step()), r.next()};
        }
        if (it instanceof DictIter d) return dictNext(m, d);
        SeqIter s = (SeqIter) it;
        Object seq = s.seq();
        int i = s.index();
        if (seq instanceof String str) {   // index: a char offset; items: code points, as Python's
            if (i >= str.length()) return null;
            int cp = str.codePointAt(i);
            return new Object[]{new SeqIter(seq, i + Character.charCount(cp)), Character.toString(cp)};
        }
        Vec<Object> items = seq instanceof Tuple t ? t.items() : ((ListObj) m.get(((Ref) seq).id())).items();
        if (i >= items.size()) return null;
        return new Object[]{new SeqIter(seq, i + 1), items.get(i)};
    }

    /** The dict of a view. */
    static DictObj dictOf(Machine m, DictView v) { return (DictObj) m.get(v.dict().id()); }

    /**
     * The next key, value or item of a dict: the keys it had when the iteration began, in
     * order; RuntimeError once its size has changed (a key added or removed meanwhile), as
     * CPython's dict iterators check at every step.
     */
    private static Object[] dictNext(Machine m, DictIter it) {
        DictObj d = (DictObj) m.get(it.dict().id());
        if (d.keys().size() != it.keys().size()) {
            throw PyRaise.of(PyType.RUNTIME_ERROR, "dictionary changed size during iteration");
        }
        int i = it.index();
        if (i >= it.keys().size()) return null;
        Object key = it.keys().get(i);
        Object out = key;
        if (it.kind() != 0) {
            int at = dictIndex(m, d, key);
            if (at < 0) throw PyRaise.of(PyType.RUNTIME_ERROR, "dictionary keys changed during iteration");
            Object val = d.vals().get(at);
            out = it.kind() == 1 ? val : new Tuple(Vec.of(key, val));
        }
        return new Object[]{new DictIter(it.dict(), it.keys(), it.kind(), i + 1), out};
    }

    /**
     * The next value of a generator expression: items of its source go through its step
     * function (the element expression and the ifs, run in the generator's own scope) one
     * at a time, as the consumer asks for them; {it, value}, or null when exhausted.
     */
    private static Object[] genNext(Machine m, Ref g) {
        while (true) {
            GenObj gen = (GenObj) m.get(g.id());
            Object[] n = gen.iterator() == null ? null : next(m, gen.iterator());
            m.set(g.id(), new GenObj(n == null ? null : n[0], gen.step()));
            if (n == null) return null;
            Object produced = Interp.callSync(m, gen.step(), List.of(n[1]));
            Vec<Object> one = ((ListObj) m.get(((Ref) produced).id())).items();
            if (!one.isEmpty()) return new Object[]{g, one.get(0)};
        }
    }

    /** The next value of a builtin's lazy iterator ({@link IterObj}): {it, value}, or null when exhausted. */
    private static Object[] iterNext(Machine m, Ref ref) {
        IterObj it = (IterObj) m.get(ref.id());
        Vec<Object> iters = it.iters();
        if (it.type() == PyType.ZIP) {
            Object[] values = new Object[iters.size()];
            for (int j = 0; j < values.length; j++) {
                Object[] n = next(m, iters.get(j));
                if (n == null) {
                    m.set(ref.id(), new IterObj(it.type(), iters, 0)); // those before it have given an item: it is lost, as in CPython
                    return null;
                }
                iters = iters.set(j, n[0]);
                values[j] = n[1];
            }
            m.set(ref.id(), new IterObj(it.type(), iters, 0));
            return iters.isEmpty() ? null : new Object[]{ref, new Tuple(Vec.adopt(values))};
        }
        if (it.type() == PyType.ENUMERATE) {
            Object[] n = next(m, iters.get(0));
            if (n == null) return null;
            m.set(ref.id(), new IterObj(it.type(), Vec.of(n[0]), it.count() + 1));
            return new Object[]{ref, new Tuple(Vec.of(it.count(), n[1]))};
        }
        Vec<Object> items = it.type() == PyType.LIST_REVERSEITERATOR ? ((ListObj) m.get(((Ref) iters.get(0)).id())).items()
                : ((Tuple) iters.get(0)).items();
        long i = it.count();
        if (i < 0 || i >= items.size()) { // listobject.c: exhausted for good, even if the list grows again
            if (i >= 0) m.set(ref.id(), new IterObj(it.type(), iters, -1));
            return null;
        }
        m.set(ref.id(), new IterObj(it.type(), iters, i - 1));
        return new Object[]{ref, items.get((int) i)};
    }

    /** len(range): OverflowError as CPython's when the length does not fit in 64 bits. */
    public static long rangeLen(RangeVal r) {
        Object n = rangeLength(r);
        if (n instanceof Long l) return l;
        throw PyRaise.of(PyType.OVERFLOW_ERROR, "Python int too large to convert to C ssize_t");
    }

    /** The number of items of a range, as an int (a range over all longs has 2**64 - 1). */
    static Object rangeLength(RangeVal r) {
        long lo = r.step() > 0 ? r.start() : r.stop(), hi = r.step() > 0 ? r.stop() : r.start();
        if (hi <= lo) return 0L;
        Object span = Ints.sub(hi, lo);                 // hi - lo, exact
        Object step = Ints.abs(r.step());
        return Ints.floorDiv(Ints.add(span, Ints.sub(step, 1L)), step);
    }

    public static Object getitem(Machine m, Object obj, Object idx) {
        if (obj instanceof Ref r && m.get(r.id()) instanceof DictObj d) {
            int i = dictIndex(m, d, idx);
            if (i < 0) throw new PyRaise(new PyExc(PyType.KEY_ERROR, Vec.of(idx)));

            return d.vals().get(i);
        }
        List<Object> seq;
        String kind;
        if (obj instanceof String s) {
            if (idx instanceof SliceVal sl) return String.join("", slice(m, charList(s), sl).stream().map(o -> (String) o).toList());
            seq = charList(s);
            kind = "string";
        } else if (obj instanceof Tuple t) {
            seq = vecList(t.items());
            kind = "tuple";
        } else if (obj instanceof Ref r && m.get(r.id()) instanceof ListObj l) {
            seq = vecList(l.items());
            kind = "list";
        } else if (obj instanceof RangeVal rv) {
            if (!(idx instanceof SliceVal)) return rv.start() + index(m, idx, rangeLen(rv), "range object") * rv.step();
            checkSize(rangeLen(rv), "list");
            seq = toList(m, rv);
            kind = "range object";
        } else {
            throw PyRaise.of(PyType.TYPE_ERROR, "'" + typeOf(m, obj).name + "' object is not subscriptable");
        }
        if (idx instanceof SliceVal sl) {
            List<Object> part = slice(m, seq, sl);
            if (obj instanceof Tuple) return new Tuple(Vec.copyOf(part));
            return new Ref(m.alloc(new ListObj(Vec.copyOf(part))));
        }
        return seq.get((int) index(m, idx, seq.size(), kind));
    }

    /** The characters of s as Python counts them: code points. */
    private static List<Object> charList(String s) {
        List<Object> l = new ArrayList<>();
        s.codePoints().forEach(c -> l.add(Character.toString(c)));
        return l;
    }

    /** The position idx names in a sequence of {@code size} items (negative from the end); IndexError outside. */
    static long index(Machine m, Object idx, long size, String kind) {
        if (!Ints.isInt(idx) && kind.equals("string")) {
            throw PyRaise.of(PyType.TYPE_ERROR, m.version().has(lockstep.core.Delta.STRING_INDEX_MESSAGE_BARE)
                    ? "string indices must be integers" : "string indices must be integers, not '" + typeOf(m, idx).name + "'");
        }
        if (!Ints.isInt(idx))
            throw PyRaise.of(PyType.TYPE_ERROR, kind + " indices must be integers or slices, not " + typeOf(m, idx).name);
        if (idx instanceof BigInteger) throw PyRaise.of(PyType.INDEX_ERROR, "cannot fit 'int' into an index-sized integer");
        long i = toLong(idx);
        if (i < 0) i += size;
        if (i < 0 || i >= size) throw PyRaise.of(PyType.INDEX_ERROR, kind + " index out of range");
        return i;
    }

    private static List<Object> slice(Machine m, List<Object> seq, SliceVal sl) {
        int n = seq.size();
        long step = sl.step() == NONE ? 1 : saturate(sl.step());
        if (step == 0) throw PyRaise.of(PyType.VALUE_ERROR, "slice step cannot be zero");
        long lo, hi;
        if (step > 0) {
            lo = sl.lower() == NONE ? 0 : clamp(saturate(sl.lower()), n, 0, n);
            hi = sl.upper() == NONE ? n : clamp(saturate(sl.upper()), n, 0, n);
        } else {
            lo = sl.lower() == NONE ? n - 1 : clamp(saturate(sl.lower()), n, -1, n - 1);
            hi = sl.upper() == NONE ? -1 : clamp(saturate(sl.upper()), n, -1, n - 1);
        }
        List<Object> out = new ArrayList<>();
        if (step > 0) for (long i = lo; i < hi; i = hi - i <= step ? hi : i + step) out.add(seq.get((int) i));
        else for (long i = lo; i > hi; i = i - hi <= -step ? hi : i + step) out.add(seq.get((int) i));
        return out;
    }

    /** A slice bound or step: an int beyond 64 bits counts as the nearest long (CPython clamps them too). */
    private static long saturate(Object v) {
        if (!Ints.isInt(v)) throw PyRaise.of(PyType.TYPE_ERROR, "slice indices must be integers or None or have an __index__ method");
        if (v instanceof BigInteger b) return b.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE + 1;
        return toLong(v);
    }

    private static long clamp(long i, int n, long min, long max) {
        if (i < 0) i += n;
        return Math.max(min, Math.min(max, i));
    }

    public static void setitem(Machine m, Object obj, Object idx, Object v) {
        if (obj instanceof Ref r) {
            Object o = m.get(r.id());
            if (o instanceof DictObj d) { m.set(r.id(), dictPut(m, d, idx, v)); return; }
            if (o instanceof ListObj l) {
                int i = (int) index(m, idx, l.items().size(), "list assignment");
                m.set(r.id(), new ListObj(l.items().set(i, v)));
                return;
            }
        }
        throw PyRaise.of(PyType.TYPE_ERROR, "'" + typeOf(m, obj).name + "' object does not support item assignment");
    }

    public static int dictIndex(Machine m, DictObj d, Object key) {
        checkHashable(m, key);
        for (int i = 0; i < d.keys().size(); i++) if (eq(m, d.keys().get(i), key)) return i;
        return -1;
    }

    /** A dict key must be hashable: not a list or a dict. */
    static void checkHashable(Machine m, Object key) {
        if (key instanceof Ref r && (m.get(r.id()) instanceof ListObj || m.get(r.id()) instanceof DictObj)) {
            String type = typeOf(m, key).name;
            throw PyRaise.of(PyType.TYPE_ERROR, m.version().has(lockstep.core.Delta.DICT_KEY_UNHASHABLE_MESSAGE)
                    ? "cannot use '" + type + "' as a dict key (unhashable type: '" + type + "')" : "unhashable type: '" + type + "'");
        }
    }

    public static DictObj dictPut(Machine m, DictObj d, Object k, Object v) {
        int i = dictIndex(m, d, k);
        if (i >= 0) return new DictObj(d.keys(), d.vals().set(i, v));
        return new DictObj(d.keys().append(k), d.vals().append(v));
    }

    // ------------------------------------------------------------------ exceptions

    public static PyExc toException(Machine m, Object v) {
        if (v instanceof PyExc e) return e;
        if (v instanceof PyType t && t.isException()) return new PyExc(t, Vec.of());
        throw PyRaise.of(PyType.TYPE_ERROR, "exceptions must derive from BaseException");
    }

    public static boolean excMatches(PyExc e, Object type) {
        if (type instanceof Tuple t) {
            for (Object o : t.items()) if (excMatches(e, o)) return true;
            return false;
        }
        if (!(type instanceof PyType pt) || !pt.isException())
            throw PyRaise.of(PyType.TYPE_ERROR, "catching classes that do not inherit from BaseException is not allowed");
        return e.type.isSubclassOf(pt);
    }

    /** The last line of a traceback, as traceback.format_exception_only prints it. */
    public static String formatExceptionOnly(Machine m, PyExc e) {
        String s = str(m, e) + (e.hint == null ? "" : e.hint);
        return s.isEmpty() ? e.type.qualifiedName() : e.type.qualifiedName() + ": " + s;
    }

    // ------------------------------------------------------------------ str and repr

    public static String str(Machine m, Object v) {
        if (v instanceof String s) return s;
        if (v instanceof PyExc e) {
            if (e.args.isEmpty()) return "";
            if (e.args.size() == 1) return e.type == PyType.KEY_ERROR ? repr(m, e.args.get(0)) : str(m, e.args.get(0));
            return repr(m, new Tuple(e.args));
        }
        return repr(m, v);
    }

    public static String repr(Machine m, Object v) {
        if (v == NONE) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof Long || v instanceof BigInteger) return Ints.str(v, m.version());
        if (v instanceof Double d) return floatRepr(d);
        if (v instanceof String s) return strRepr(s);
        if (v instanceof Tuple t) return Reprs.tupleRepr(m, t);
        if (v instanceof PyExc e) return e.type.name + "(" + joinReprs(m, e.args) + ")";
        if (v instanceof PyType t) return t.toString();
        if (v instanceof Func f) return "<function " + f.qualname() + " at " + fakeAddress(f.template().hashCode()) + ">";
        if (AsyncioApi.isGatherDone(v)) return "<function " + AsyncioApi.GATHER_DONE_NAME + " at " + addressOf(m, ((BoundMethod) v).self()) + ">";
        if (v instanceof BoundMethod bm) {
            String python = Reprs.lockMethodOwner(m, bm);
            if (python != null) return "<bound method " + python + "." + bm.name() + " of " + repr(m, Reprs.lockMethodSelf(m, bm)) + ">";
            if (bm.self() instanceof LoopVal) return "<bound method BaseEventLoop." + bm.name() + " of " + repr(m, bm.self()) + ">";
            String owner = typeOf(m, bm.self()).name;
            if (bm.func() instanceof Builtin) return "<built-in method " + bm.name() + " of " + owner + " object at " + addressOf(m, bm.self()) + ">";
            return "<bound method " + owner + "." + bm.name() + " of " + repr(m, bm.self()) + ">";
        }
        if (v instanceof MethodDescriptor d) return "<method '" + d.name() + "' of '" + d.type().name + "' objects>";
        if (v instanceof Builtin b && pythonFunction(m, b)) {
            return "<function " + b.name().substring(b.name().lastIndexOf('.') + 1) + " at " + fakeAddress(b.hashCode()) + ">";
        }
        if (v instanceof Builtin b) return "<built-in function " + b.name().substring(b.name().lastIndexOf('.') + 1) + ">";
        if (v instanceof lockstep.lang.Compiler.ModuleRef mv) return "<module '" + mv.name() + "'>";
        if (v instanceof LoopVal) return "<_UnixSelectorEventLoop running=True closed=False debug=False>";
        if (v instanceof RangeVal r) return r.step() == 1 ? "range(" + r.start() + ", " + r.stop() + ")"
                : "range(" + r.start() + ", " + r.stop() + ", " + r.step() + ")";
        if (v instanceof SliceVal s) return "slice(" + repr(m, s.lower()) + ", " + repr(m, s.upper()) + ", " + repr(m, s.step()) + ")";
        if (v instanceof DictView d) return DictView.NAMES[d.kind()] + "([" + joinReprs(m, toList(m, d)) + "])";
        if (v instanceof DequeVal d) return "deque([" + joinReprs(m, d.items()) + "])";
        if (v instanceof Ref r) return Reprs.heapRepr(m, r.id(), m.get(r.id()));
        return "<" + v.getClass().getSimpleName() + " object>";
    }

    static final String GETTING_REPR = " while getting the repr of an object";

    /** The reprs of a container's items, separated by ", ", one level deeper (see {@link Nesting}). */
    static String joinReprs(Machine m, Iterable<Object> items) {
        StringBuilder sb = new StringBuilder();
        Nesting.enter(GETTING_REPR);
        try {
            for (Object o : items) {
                if (sb.length() > 0) sb.append(", ");
                sb.append(repr(m, o));
            }
        } finally {
            Nesting.exit();
        }
        return sb.toString();
    }

    /**
     * Whether CPython writes this function of the asyncio API, which the model writes in Java, in
     * Python: it prints and types as a function ({@code <function create_task at 0x...>}).
     */
    private static boolean pythonFunction(Machine m, Builtin b) {
        return switch (b.name()) {
            case "create_task", "timeout", "asyncio.run" -> true;
            case "current_task" -> m.version().has(lockstep.core.Delta.CURRENT_TASK_IN_PYTHON);
            case "get_running_loop" -> m.version().has(lockstep.core.Delta.GET_RUNNING_LOOP_IN_PYTHON);
            default -> false;
        };
    }

    public static String fakeAddress(int id) {
        return "0x" + Long.toHexString(0x7f3a00000000L + (id & 0xffffffffL) * 0x40L);
    }

    static String addressOf(Machine m, Object v) {
        return v instanceof Ref r ? fakeAddress(r.id()) : fakeAddress(v.hashCode());
    }

    /**
     * repr(str) as CPython's unicode_repr: single quotes unless the text has a single quote
     * and no double quote; backslash escapes for \\, \t, \n, \r, the quote, and every
     * non-printable character (backslash-x and two hex digits, backslash-u and four, backslash-U and eight).
     */
    public static String strRepr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(q);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == q) sb.append('\\').append((char) c);
                    else if (isPrintable(c)) sb.appendCodePoint(c);
                    else if (c < 0x100) sb.append(String.format("\\x%02x", c));
                    else if (c < 0x10000) sb.append(String.format("\\u%04x", c));
                    else sb.append(String.format("\\U%08x", c));
                }
            }
        }
        return sb.append(q).toString();
    }

    /**
     * Python's str.isprintable for one code point: false for the categories Cc, Cf, Cs, Co,
     * Cn (unassigned), Zl, Zp and Zs other than the space itself.
     */
    static boolean isPrintable(int c) {
        if (c == ' ') return true;
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /**
     * Python's order of strings: by code points. Java's compareTo compares UTF-16 units, which
     * puts a character beyond U+FFFF (a surrogate pair, from U+D800) before U+E000 to U+FFFF.
     */
    static int compareCodePoints(String x, String y) {
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            if (x.charAt(i) == y.charAt(i)) continue;
            // the first difference: a unit of a pair differs only where the pair's code point does
            int ca = x.codePointAt(i > 0 && Character.isHighSurrogate(x.charAt(i - 1)) && Character.isLowSurrogate(x.charAt(i)) ? i - 1 : i);
            int cb = y.codePointAt(i > 0 && Character.isHighSurrogate(y.charAt(i - 1)) && Character.isLowSurrogate(y.charAt(i)) ? i - 1 : i);
            return ca < cb ? -1 : 1;
        }
        return Integer.signum(Integer.compare(x.length(), y.length()));
    }

    /** Python's str.strip() without arguments: removes the characters str.isspace accepts. */
    static String stripSpace(String s) {
        int lo = 0, hi = s.length();
        while (lo < hi && isSpace(s.charAt(lo))) lo++;
        while (hi > lo && isSpace(s.charAt(hi - 1))) hi--;
        return s.substring(lo, hi);
    }

    /** Python's str.isspace for one character: bidirectional types WS, B, S, or category Zs. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    /** repr(float): the shortest digits that round-trip, laid out as Python does. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal exact = new BigDecimal(d);
        BigDecimal best = null;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) { best = r; break; }
        }
        if (best == null) best = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        String digits = best.unscaledValue().abs().toString().replaceAll("0+$", "");
        if (digits.isEmpty()) digits = "0";
        int exp = best.precision() - best.scale() - 1;   // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exp >= -4 && exp < 16) {
            StringBuilder sb = new StringBuilder(sign);
            if (exp < 0) {
                sb.append("0.").append("0".repeat(-exp - 1)).append(digits);
            } else if (digits.length() <= exp + 1) {
                sb.append(digits).append("0".repeat(exp + 1 - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, exp + 1).append('.').append(digits.substring(exp + 1));
            }
            return sb.toString();
        }
        String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mant + exponent(exp);
    }

    /** A float's decimal exponent as repr and %e write it: {@code e+05}, {@code e-123}. */
    static String exponent(int exp) {
        return "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /** format(v, spec): the format-specification mini-language ({@link FormatSpec}). */
    public static String format(Machine m, Object v, String spec) {
        return FormatSpec.format(m, v, spec);
    }
}
