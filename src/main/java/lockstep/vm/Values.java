package lockstep.vm;

import lockstep.core.Vec;
import lockstep.lang.Compiler.FunctionTemplate;

/** The immutable runtime values of the interpreter other than int, float, str, bool and None. */
public final class Values {
    private Values() {}

    /** A reference to a heap object (list, dict, cell, coroutine, future, task, primitive, ...). */
    public record Ref(int id) {
        @Override public String toString() { return "#" + id; }

        /** Written out (as the record would hash it), not left to the generated method, which is slow to call: hashed and compared at every choice point. */
        @Override public int hashCode() { return id; }

        @Override public boolean equals(Object o) { return o instanceof Ref r && r.id == id; }
    }

    public record Tuple(Vec<Object> items) {
        public static final Tuple EMPTY = new Tuple(Vec.of());
    }

    /** A Python function or lambda: code, defaults, the module it belongs to and its closure cells. */
    public record Func(FunctionTemplate template, int globals, Vec<Object> defaults, Vec<Object> kwDefaults,
                       Vec<Integer> closure) {
        public String name() { return template.code().name; }

        /** CPython's __qualname__ ({@code main.<locals>.inner}): what reprs and argument errors show. */
        public String qualname() { return template.code().qualname; }
    }

    /** {@code obj.method} before it is called. */
    public record BoundMethod(Object self, Object func, String name) {}

    /** {@code str.upper}: a method of a builtin type read off the type, called with its object first. */
    public record MethodDescriptor(PyType type, String name) {}

    /**
     * A function implemented in Java, found by name in {@link Builtins}: a value equal to
     * any other of its name. It remembers its implementation once found (set at most once
     * per object, to the same value whichever thread finds it).
     */
    public static final class Builtin {
        private final String name;
        /** Builtins' resolution of the name, or null until first called. */
        Object resolved;

        public Builtin(String name) { this.name = name; }

        public String name() { return name; }

        @Override public boolean equals(Object o) { return o instanceof Builtin b && name.equals(b.name); }

        @Override public int hashCode() { return name.hashCode(); }

        @Override public String toString() { return "Builtin[name=" + name + "]"; }
    }

    /** asyncio.run(coro) called with no loop running: the runner takes over. */
    public record RunRequest(Object coro) {}

    /** The running event loop object returned by get_running_loop(). */
    public record LoopVal() {}

    public record SliceVal(Object lower, Object upper, Object step) {}

    public record RangeVal(long start, long stop, long step) {}

    /** An iterator over a range. */
    public record RangeIter(long next, long stop, long step) {}

    /** An iterator over a str, a tuple or a list (by reference, live). */
    public record SeqIter(Object seq, int index) {}

    /**
     * {@code d.keys()}, {@code d.values()} or {@code d.items()} ({@code kind} 0, 1, 2): a view of
     * the dict {@code dict} as it is whenever the view is read.
     */
    public record DictView(Ref dict, int kind) {
        public static final String[] NAMES = {"dict_keys", "dict_values", "dict_items"};
    }

    /**
     * An iterator over a dict or a view of one: the keys it had when the iteration began, and
     * how many were given; a dict whose size changed meanwhile stops it with RuntimeError.
     */
    public record DictIter(Ref dict, Vec<Object> keys, int kind, int index) {}

    /** The {@code _waiters} of a primitive as read at one moment: a collections.deque of its waiters' futures. */
    public record DequeVal(Vec<Object> items) {}

    /** Marks an unbound local or an empty cell. */
    public enum Unbound { UNBOUND }

    /** An awaitable that completes at once with a value or an exception (a coroutine that never suspends). */
    public record Immediate(Object value, PyExc exc) {}

    /** What sleep(0) awaits: a bare yield to the event loop. */
    public enum BareYield { YIELD }
}
