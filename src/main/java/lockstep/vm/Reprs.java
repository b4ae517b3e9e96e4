package lockstep.vm;

import lockstep.core.Future;
import lockstep.vm.Obj.*;
import lockstep.vm.Values.Tuple;

/** repr() of heap objects, in CPython's format where the contract needs it. */
final class Reprs {
    private Reprs() {}

    /**
     * The class of asyncio.locks that defines the method {@code bm} of a primitive (they are
     * Python methods there, shown as bound methods): the mixin for {@code __aenter__} and
     * {@code __aexit__} of Lock, Condition and Semaphore, Semaphore for what BoundedSemaphore
     * inherits, Lock for the lock methods a Condition takes from its lock; null when
     * {@code bm} is not a primitive's method.
     */
    static String lockMethodOwner(Machine m, Values.BoundMethod bm) {
        if (!(bm.self() instanceof Values.Ref r)) return null;
        Object o = m.get(r.id());
        String name = bm.name();
        boolean mixin = name.equals("__aenter__") || name.equals("__aexit__");
        if (o instanceof LockObj) return mixin ? "_ContextManagerMixin" : "Lock";
        if (o instanceof EventObj) return "Event";
        if (o instanceof CondObj) {
            if (name.equals("locked") || name.equals("acquire") || name.equals("release")) return "Lock";
            return mixin ? "_ContextManagerMixin" : "Condition";
        }
        if (o instanceof SemObj s) return mixin ? "_ContextManagerMixin" : s.s().bounded() && name.equals("release") ? "BoundedSemaphore" : "Semaphore";
        if (o instanceof BarrierObj) return "Barrier";
        return null;
    }

    /** The object a primitive's method is bound to: a Condition's lock for the lock methods it took from it. */
    static Object lockMethodSelf(Machine m, Values.BoundMethod bm) {
        if (m.get(((Values.Ref) bm.self()).id()) instanceof CondObj c && lockMethodOwner(m, bm).equals("Lock")) return new Values.Ref(c.s().lock());
        return bm.self();
    }

    static String heapRepr(Machine m, int id, Object o) {
        if (o instanceof ListObj || o instanceof DictObj) return containerRepr(m, id, o);   // first: the hot, recursive case
        String at = " object at " + Py.fakeAddress(id);
        if (o instanceof LockObj l) return "<asyncio.locks.Lock" + at + " [" + l.s().describe() + "]>";
        if (o instanceof EventObj e) return "<asyncio.locks.Event" + at + " [" + e.s().describe() + "]>";
        if (o instanceof CondObj c) {
            boolean held = ((LockObj) m.get(c.s().lock())).s().locked();
            return "<asyncio.locks.Condition" + at + " [" + c.s().describe(held) + "]>";
        }
        if (o instanceof SemObj s) {
            String cls = s.s().bounded() ? "BoundedSemaphore" : "Semaphore";
            return "<asyncio.locks." + cls + at + " [" + s.s().describe(m) + "]>";
        }
        if (o instanceof BarrierObj b) return "<asyncio.locks.Barrier" + at + " [" + b.s().describe() + "]>";
        if (o instanceof GenObj) return "<generator object <genexpr> at " + Py.fakeAddress(id) + ">";
        if (o instanceof IterObj it) return "<" + it.type().name + " object at " + Py.fakeAddress(id) + ">";
        if (o instanceof CoroObj c) return "<coroutine object " + c.name() + " at " + Py.fakeAddress(id) + ">";
        if (o instanceof TaskObj || o instanceof FutureObj) return FutureReprs.repr(m, id, o);
        if (o instanceof TimeoutObj t) {
            if (t.state().equals("active")) {
                Object w = t.when() instanceof Double d ? (Object) round3(d) : t.when();
                return "<Timeout [active] when=" + Py.repr(m, w) + ">";
            }
            return "<Timeout [" + t.state() + "]>";
        }
        if (o instanceof HandleObj h) {
            return "<" + (h.timer() ? "TimerHandle" : "Handle") + (h.cancelled() ? " cancelled" : "")
                    + (h.timer() ? " when=" + Py.floatRepr(h.when()) : "") + ">";
        }
        if (o instanceof CellObj) return "<cell at " + Py.fakeAddress(id) + ">";
        return "<object" + at + ">";
    }

    /**
     * What is having its repr made, innermost last (CPython's Py_ReprEnter): a list or dict by
     * its heap id, a tuple by identity (a tuple can reach itself only through a list it holds).
     */
    private static final ThreadLocal<java.util.ArrayList<Object>> IN_REPR = ThreadLocal.withInitial(java.util.ArrayList::new);

    /**
     * Py_ReprEnter (and reprlib.recursive_repr): false when {@code key} (an Integer heap id, or a
     * Tuple) is having its repr made already, else marks it so until {@link #reprLeave}.
     */
    static boolean reprEnter(Object key) {
        java.util.ArrayList<Object> active = IN_REPR.get();
        if (inRepr(active, key)) return false;
        active.add(key);
        return true;
    }

    /** Py_ReprLeave: the innermost repr entered is made. */
    static void reprLeave() {
        java.util.ArrayList<Object> active = IN_REPR.get();
        active.remove(active.size() - 1);
    }

    /** Whether {@code key} (an Integer heap id, or a Tuple) is having its repr made already. */
    private static boolean inRepr(java.util.ArrayList<Object> active, Object key) {
        for (Object a : active) if (a == key || key instanceof Integer && key.equals(a)) return true;
        return false;
    }

    /** A tuple's repr: {@code (1,)}, {@code (1, 2)}; {@code (...)} inside itself. */
    static String tupleRepr(Machine m, Tuple t) {
        if (!reprEnter(t)) return "(...)";
        try {
            String inner = Py.joinReprs(m, t.items());
            return t.items().size() == 1 ? "(" + inner + ",)" : "(" + inner + ")";
        } finally {
            reprLeave();
        }
    }

    /**
     * A list or dict; met again inside itself, it prints as {@code [...]} or {@code {...}}.
     * Calls Py.repr on the items directly: two Java frames per level of nesting.
     */
    private static String containerRepr(Machine m, int id, Object o) {
        if (!reprEnter(id)) return o instanceof ListObj ? "[...]" : "{...}";
        try {
            Nesting.enter(Py.GETTING_REPR);
            try {
                StringBuilder sb = new StringBuilder();
                if (o instanceof ListObj l) {
                    sb.append('[');
                    for (int i = 0; i < l.items().size(); i++) sb.append(i > 0 ? ", " : "").append(Py.repr(m, l.items().get(i)));
                    return sb.append(']').toString();
                }
                DictObj d = (DictObj) o;
                sb.append('{');
                for (int i = 0; i < d.keys().size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(Py.repr(m, d.keys().get(i))).append(": ").append(Py.repr(m, d.vals().get(i)));
                }
                return sb.append('}').toString();
            } finally {
                Nesting.exit();
            }
        } finally {
            reprLeave();
        }
    }

    /** Python's round(x, 3) for reprs: correctly rounded to the nearest double. */
    static double round3(double d) {
        return new java.math.BigDecimal(d).setScale(3, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }
}
