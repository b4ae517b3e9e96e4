package lockstep.vm;

import lockstep.core.*;

/** The heap objects: immutable records, replaced (never mutated) when they change. */
public final class Obj {
    private Obj() {}

    public record ListObj(Vec<Object> items) {}

    /** A dict in insertion order; lookups are linear (scenario dicts are tiny). */
    public record DictObj(Vec<Object> keys, Vec<Object> vals) {
        public static final DictObj EMPTY = new DictObj(Vec.of(), Vec.of());
    }

    public record CellObj(Object value) {}

    /**
     * A generator expression's generator: the iterator over its source (null once
     * exhausted) and its step function, which maps an item to a list of zero or one
     * element (see {@link lockstep.lang.Ast.GenExp}). Advanced by {@link Py#next}.
     */
    public record GenObj(Object iterator, Object step) {}

    /**
     * A lazy iterator of a builtin ({@link Py#iterNext}): {@code zip} (the iterators it draws
     * from), {@code enumerate} (its iterator, {@code count} the next number), a reverse iterator
     * over a list ({@code list_reverseiterator}: the list, {@code count} the next index; -1 once
     * exhausted) or over a snapshot of items ({@code reversed} and the dict kinds: one tuple).
     */
    public record IterObj(PyType type, Vec<Object> iters, long count) {}

    /** A module's global variables, by slot. */
    public record GlobalsObj(Vec<Object> slots) {}

    /** A coroutine object: its fresh frame until it is first awaited or wrapped in a task. */
    public record CoroObj(Frame frame, String name, int state, lockstep.lang.Code code) {
        public static final int CREATED = 0, RUNNING = 1, CLOSED = 2;
    }

    /** A plain future, or a gathering future (children set, may have a cancel requested). */
    public record FutureObj(Future f, Vec<Integer> children, boolean cancelRequested) {}

    /** A task: its future part, its cancellation bookkeeping, its coroutine and the frames it is running. */
    public record TaskObj(Future f, Task t, int coro, Vec<Object> stack) {}

    public record LockObj(Lock s) {}
    public record EventObj(Event s) {}
    public record CondObj(Condition s) {
        public CondObj with(Condition n) { return new CondObj(n); }
    }
    public record SemObj(Semaphore s) {}
    public record BarrierObj(Barrier s) {
        public BarrierObj with(Barrier n) { return new BarrierObj(n); }
    }

    /** A call_soon/call_later handle: only its cancelled flag matters. */
    public record HandleObj(boolean cancelled, boolean timer, double when) {}

    /**
     * gather()'s bookkeeping, the variables its _done_callback closure shares in tasks.py:
     * the children in argument order, how many distinct ones, how many have finished, the
     * outer future (-1 while gather() is still making it), return_exceptions.
     */
    public record GatherObj(Vec<Integer> children, int nfuts, int nfinished, int outer, Object returnExceptions) {
        GatherObj finished() { return new GatherObj(children, nfuts, nfinished + 1, outer, returnExceptions); }
        GatherObj withOuter(int o) { return new GatherObj(children, nfuts, nfinished, o, returnExceptions); }
    }

    /** asyncio.timeout()'s context manager (timeouts.py): state, deadline, timer, task. */
    public record TimeoutObj(String state, Object when, int handler, int task, int cancelling) {}
}
