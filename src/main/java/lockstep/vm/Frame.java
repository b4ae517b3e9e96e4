package lockstep.vm;

import lockstep.core.Vec;
import lockstep.lang.Code;

import java.util.Arrays;
import java.util.Objects;

/**
 * One activation of a function or coroutine: program counter, operand stack, locals,
 * handler blocks and the exceptions being handled. The interpreter mutates a frame only
 * while it runs it inside one transition; a frame stored in a state (a task's stack, a
 * coroutine object) is marked {@link #stored()} and never touched again (a later
 * transition that runs it works on a {@link #copy()}), so states stay immutable. The
 * module's frames, shared by the copies of a run, are copied by the runner when the module
 * resumes.
 */
public final class Frame {
    public final Code code;
    public final int globals;
    public final Vec<Integer> closure;
    /** The coroutine object this frame belongs to, or -1: a plain function call, or an async one awaited at once (it has none). */
    public final int coro;
    public int pc;
    Object[] stack;
    int sp;
    final Object[] locals;
    int[] blocks = NO_BLOCKS;     // triples: handler pc, stack depth, exc-info depth
    int nblocks;
    Object[] excInfo = NO_EXC_INFO;
    int nexc;
    /** False until the frame first runs (a throw into an unstarted frame raises at once). */
    boolean started;
    /** Whether the frame is part of a state: read-only from then on (not part of its value). */
    private boolean stored;

    /** Shared while a frame has none: both arrays are replaced, never written, when they must grow. */
    private static final int[] NO_BLOCKS = new int[0];
    private static final Object[] NO_EXC_INFO = new Object[0];

    public Frame(Code code, int globals, Vec<Integer> closure, int coro, Object[] locals) {
        this.code = code;
        this.globals = globals;
        this.closure = closure;
        this.coro = coro;
        this.locals = locals;
        this.stack = new Object[8];
    }

    private Frame(Frame f) {
        this.code = f.code;
        this.globals = f.globals;
        this.closure = f.closure;
        this.coro = f.coro;
        this.pc = f.pc;
        this.stack = Arrays.copyOf(f.stack, Math.max(f.stack.length, 8));
        this.sp = f.sp;
        this.locals = f.locals.clone();
        this.blocks = f.blocks.length == 0 ? NO_BLOCKS : f.blocks.clone();
        this.nblocks = f.nblocks;
        this.excInfo = f.excInfo.length == 0 ? NO_EXC_INFO : f.excInfo.clone();
        this.nexc = f.nexc;
        this.started = f.started;
    }

    public Frame copy() { return new Frame(this); }

    /** Marks this frame as part of a state, never to be run again but as a copy; returns it. */
    Frame stored() {
        if (!stored) stored = true;
        return this;
    }

    /** This frame, or a copy of it to run if it is part of a state. */
    Frame runnable() { return stored ? copy() : this; }

    /** The names of the locals bound now, then of the bound cells received from enclosing functions: CPython's {@code f_locals} order. */
    java.util.List<String> boundLocalNames(Machine m) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < locals.length && i < code.localNames.length; i++) {
            Object v = locals[i];
            if (v != null && code.cellLocal[i] && v instanceof Values.Ref r) v = ((Obj.CellObj) m.get(r.id())).value();
            if (v != null && v != Values.Unbound.UNBOUND) out.add(code.localNames[i]);
        }
        for (int i = 0; i < code.freeNames.length && i < closure.size(); i++) {
            if (((Obj.CellObj) m.get(closure.get(i))).value() != Values.Unbound.UNBOUND) out.add(code.freeNames[i]);
        }
        return out;
    }

    /** Local number {@code i} (the first ones are the parameters), for pages that show a call; null while unbound. */
    public Object local(int i) { return locals[i]; }

    void push(Object v) {
        if (sp == stack.length) grow();
        stack[sp++] = v;
    }

    /** Doubles the operand stack (kept apart from push, which the JIT then inlines everywhere). */
    private void grow() { stack = Arrays.copyOf(stack, sp * 2); }

    Object pop() {
        Object v = stack[--sp];
        stack[sp] = null;
        return v;
    }

    Object top() { return stack[sp - 1]; }

    Object peek(int depth) { return stack[sp - 1 - depth]; }

    void pushBlock(int handler) {
        if (nblocks * 3 == blocks.length) blocks = Arrays.copyOf(blocks, Math.max(6, blocks.length * 2));
        blocks[nblocks * 3] = handler;
        blocks[nblocks * 3 + 1] = sp;
        blocks[nblocks * 3 + 2] = nexc;
        nblocks++;
    }

    void pushExcInfo(Object exc) {
        if (nexc == excInfo.length) excInfo = Arrays.copyOf(excInfo, Math.max(2, nexc * 2));
        excInfo[nexc++] = exc;
    }

    Object currentExc() { return nexc == 0 ? null : excInfo[nexc - 1]; }

    /** The source line the frame is at (for traces and deadlock reports). */
    public int line() {
        int i = Math.max(0, Math.min(pc - 1, code.lines.length - 1));
        return code.lines.length == 0 ? code.firstLine : code.lines[i];
    }

    @Override public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Frame f)) return false;
        return code == f.code && pc == f.pc && sp == f.sp && nblocks == f.nblocks && nexc == f.nexc
                && coro == f.coro && globals == f.globals && started == f.started
                && Arrays.equals(stack, 0, sp, f.stack, 0, sp)
                && Arrays.equals(locals, f.locals)
                && Arrays.equals(blocks, 0, nblocks * 3, f.blocks, 0, nblocks * 3)
                && Arrays.equals(excInfo, 0, nexc, f.excInfo, 0, nexc)
                && Objects.equals(closure, f.closure);
    }

    @Override public int hashCode() {
        int h = code.serial * 31 + pc;
        for (int i = 0; i < sp; i++) h = h * 31 + Objects.hashCode(stack[i]);
        for (Object l : locals) h = h * 31 + Objects.hashCode(l);
        return h;
    }

    @Override public String toString() { return code.name + "@" + line(); }
}
