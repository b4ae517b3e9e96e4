package lockstep.vm;

import lockstep.core.*;
import lockstep.lang.Code;
import lockstep.lang.Compiler;
import lockstep.vm.Obj.*;
import lockstep.vm.Values.*;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The canonical fingerprint of a state at a choice point: a 64-bit hash of everything
 * that decides what can happen next, computed so that equivalent states get the same
 * value whatever addresses their objects were given and in whatever order their ready
 * handles were queued.
 * <p>
 * The state is serialized as a stream of tokens from its roots — the scalar loop state,
 * the two module namespaces, the tasks in creation order, the timers in the order they will
 * fire (not the heap's layout), then the ready handles — and heap objects are numbered in
 * the order the stream first reaches them, so
 * garbage is left out and addresses are replaced by that number. The ready queue is a
 * set for the explorer (any ready handle may run), split in two by the loop iteration:
 * the handles of the current batch and those queued during it (or one set, see
 * {@link #Canon(boolean)}); each part is serialized in
 * the order of a preliminary hash of its handles, not in queue order (handles whose
 * preliminary hashes tie keep their queue order: two equivalent states that queued them in
 * other orders may then get two fingerprints, a state explored twice, never one missed). An
 * Event's waiters are a set too, for the same reason: set() wakes them all at once
 * ({@link #waiters}). Every move gets a
 * canonical name too ({@link #handleName}, {@link #taskName}), so that sleep sets can be
 * stored with a fingerprint.
 * <p>
 * Heap objects and callbacks are immutable and shared by the runs copied from one another,
 * so each one's own tokens are hashed once ({@link #ownHash}) and that hash stands for them
 * in the stream, followed by its references; the objects' hashes are kept by the machine
 * ({@link #memoObject}), the callbacks' here. With {@link #keepStates} every token is fed.
 * <p>
 * Unknown value types are refused with an exception rather than hashed by identity: a
 * reference hidden in a value the walk does not see would make two different states look
 * equal.
 */
public final class Canon {

    private static final long P1 = 0x9E3779B97F4A7C15L, P2 = 0xC2B2AE3D27D4EB4FL;

    private Machine m;

    private int[] number = new int[64];
    private int[] stamp = new int[64];
    private int epoch;
    private int[] work = new int[64];
    private int workHead, workTail, nextNumber;
    private long h;
    /** In a dry pass, references not yet numbered hash as one constant and are not followed. */
    private boolean dry;
    private long[] names = new long[0];

    /** Whether the ready queue is one set, the batch split left out (see {@link #Canon(boolean)}). */
    private final boolean oneSet;

    /** One fingerprinter per search (it keeps buffers and caches; fingerprints are comparable within one JVM). */
    public Canon() { this(false); }

    /**
     * With {@code oneSet}, the ready queue is hashed as one set, without the split into the
     * current batch and the handles queued during it: for a search that has made sure that the
     * split cannot matter ({@link Machine#batchMatters}), so that states differing only in
     * where the last iteration ended meet.
     */
    public Canon(boolean oneSet) { this.oneSet = oneSet; }

    /**
     * The fingerprint of the machine's state, with {@code extra} (the explorer's own state,
     * such as the cancellations used) mixed in. Afterwards {@link #handleName} and
     * {@link #taskName} name the moves of this state.
     */
    public long fingerprint(Machine m, long extra) {
        this.m = m;
        begin();
        token(extra);
        token(m.phase);
        token(Double.doubleToLongBits(m.clock));
        token(m.stopping ? 1 : 0);
        token(m.taskCounter);
        token(m.timerCancelledCount);
        token(m.outHash());
        ref(m.program.preludeGlobals);
        ref(m.program.userGlobals);
        token(m.tasks.size());
        for (int t : m.tasks) ref(t);
        token(m.timers.size());
        if (!m.timers.isEmpty()) timers();
        int ready = m.readyCount();
        int batch = oneSet ? 0 : Math.min(m.batchLeft, ready);
        if (names.length < ready) names = new long[Math.max(ready, names.length * 2)];
        token(batch);
        readyPart(0, batch);
        token(ready - batch);
        readyPart(batch, ready);
        drain();
        m.observer().fingerprint(this);
        return finish();
    }

    /** The timers, in the order they will fire (not the heap's layout). */
    private void timers() {
        Machine.Timer[] timers = m.timers.toArray(new Machine.Timer[0]);
        Arrays.sort(timers, (a, b) -> a.before(b) ? -1 : b.before(a) ? 1 : 0);
        for (Machine.Timer t : timers) {
            token(Double.doubleToLongBits(t.when()));
            callback(t.cb());
        }
    }

    /** The canonical name of ready handle {@code index} (queue order) after {@link #fingerprint}. */
    public long handleName(int index) { return names[index]; }

    /** The canonical name of the task with heap id {@code task} after {@link #fingerprint}. */
    public long taskName(int task) { return numberOf(task); }

    // ------------------------------------------------------------------ the stream

    private void begin() {
        if (++epoch == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            epoch = 1;
        }
        int n = m.heapSize();
        if (number.length < n) {
            number = Arrays.copyOf(number, Math.max(n, number.length * 2));
            stamp = Arrays.copyOf(stamp, number.length);
        }
        workHead = workTail = 0;
        nextNumber = 0;
        h = 0x243F6A8885A308D3L;
        dry = false;
        streamLength = 0;
    }

    /** Feeds one token into the fingerprint (for an {@link Observer}'s state). */
    public void token(long x) {
        h = Long.rotateLeft(h + x * P2, 31) * P1;
        if (record) {
            if (stream.length == streamLength) stream = Arrays.copyOf(stream, streamLength * 2);
            stream[streamLength++] = x;
        }
    }

    /** When set, the tokens of the next fingerprints are kept, to check for collisions ({@link #lastState}). */
    private boolean record;
    private long[] stream = new long[256];
    private int streamLength;

    /** Keeps the whole serialized state of each fingerprint from now on (slow; to check for collisions). */
    public void keepStates() { record = true; }

    /** Whether {@link #keepStates} was called. */
    public boolean keepsStates() { return record; }

    /** The serialized state behind the last fingerprint (with {@link #keepStates}): equal arrays, equal states. */
    public long[] lastState() { return Arrays.copyOf(stream, streamLength); }

    private long finish() {
        long z = h;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    private int numberOf(int id) { return stamp[id] == epoch ? number[id] : 0; }

    /** The canonical number of heap object {@code id}; 0 when the state does not reach it. */
    public int number(int id) { return id > 0 && id < stamp.length ? numberOf(id) : 0; }

    /** A heap reference: its number, given now (and the object queued) when first reached. */
    private void ref(int id) {
        if (id != m.program.preludeGlobals) otherRefs++;
        if (id <= 0) {
            token(-7 + id);
            return;
        }
        if (collecting) {
            if (collectedCount == collected.length) collected = Arrays.copyOf(collected, collectedCount * 2);
            collected[collectedCount++] = id;
            token(-11);
            return;
        }
        int n = numberOf(id);
        if (n == 0) {
            if (dry) {
                dryMiss = true;
                token(-5);
                return;
            }
            n = ++nextNumber;
            number[id] = n;
            stamp[id] = epoch;
            if (workTail == work.length) work = Arrays.copyOf(work, work.length * 2);
            work[workTail++] = id;
        }
        token(n);
    }

    /**
     * The objects reached, in the order they were numbered. Kept whole, each is marked with its
     * number; otherwise its own hash ({@link #memoObject}) starts it, and the number is its place.
     */
    private void drain() {
        while (workHead < workTail) {
            int id = work[workHead++];
            if (record) {
                token(-9);
                token(number[id]);
            }
            if (id == m.program.preludeGlobals) prelude(m.heap[id]);
            else memoObject(id);
        }
    }

    /**
     * Heap objects are immutable and shared by the runs copied from one another, so most of a
     * state's objects were met in an earlier state: an object's own tokens are hashed once,
     * with its references left out and listed in the order met, and the machine keeps the
     * hash and the list with the object ({@link Machine#memo}) until it is replaced. An
     * object then feeds that hash and its references, numbered as before. Not while whole
     * states are kept ({@link #keepStates}): those hold every token, to check for collisions.
     */
    private void memoObject(int id) {
        if (record) {
            object(m.heap[id]);
            return;
        }
        if (id >= m.memo.length) m.memo = Arrays.copyOf(m.memo, Math.max(m.heapSize(), m.memo.length * 2));
        int[] memo = m.memo[id];
        if (memo == null) m.memo[id] = memo = memo(ownHash(m.heap[id]));
        if (memo.length > 3 && m.heap[id] instanceof EventObj && !m.program.looksAtWaiters) {
            token((long) memo[0] << 32 | memo[1] & 0xFFFFFFFFL);
            waiters(memo, 2, memo.length - 2);
        } else {
            feed(memo);
        }
    }

    /**
     * The futures waiting on an Event, as a set: set() wakes them all at once, each wakeup
     * joins the ready queue, and the explorer may run those in any order, so the order in
     * which the tasks queued up cannot change what happens; nothing else reads it (repr()
     * shows a count) unless the scenario looks at {@code _waiters} ({@link Program#looksAtWaiters}:
     * then they are a list). They are referred to ordered by the number of the task each one wakes
     * (ties, such as a future no task waits on, keep their queue order: two states whose
     * queues differ only in order then may get two fingerprints, never one for two states).
     * States that differ only in the order in which tasks started waiting then meet.
     */
    private void waiters(int[] ids, int from, int n) {
        if (sortKeys.length < n) {
            sortKeys = new int[n * 2];
            sortIds = new int[n * 2];
        }
        for (int i = 0; i < n; i++) {
            int id = ids[from + i], k = waiterKey(id), j = i - 1;
            while (j >= 0 && sortKeys[j] > k) { // stable insertion sort: queues are short
                sortKeys[j + 1] = sortKeys[j];
                sortIds[j + 1] = sortIds[j];
                j--;
            }
            sortKeys[j + 1] = k;
            sortIds[j + 1] = id;
        }
        for (int i = 0; i < n; i++) ref(sortIds[i]);
    }

    private int[] sortKeys = new int[8], sortIds = new int[8];

    /** The number of the task that waiting future {@code fut} wakes (every task is numbered first); 0 when it is not one task's. */
    private int waiterKey(int fut) {
        if (fut > 0 && fut < m.heapSize() && m.heap[fut] instanceof FutureObj f && f.f().callbacks().size() == 1
                && f.f().callbacks().get(0) instanceof Machine.TaskWakeup w && w.task() > 0 && w.task() < stamp.length) {
            return numberOf(w.task());
        }
        return 0;
    }

    /**
     * The memo of a heap object ({@link Machine#memo}) or a callback: its own hash {@code own}
     * in two ints, then the references that {@link #ownHash} collected, in order.
     */
    private int[] memo(long own) {
        int[] memo = new int[2 + collectedCount];
        memo[0] = (int) (own >>> 32);
        memo[1] = (int) own;
        System.arraycopy(collected, 0, memo, 2, collectedCount);
        return memo;
    }

    /** Feeds a memo into the stream: the own hash, then each reference, numbered. */
    private void feed(int[] memo) {
        token((long) memo[0] << 32 | memo[1] & 0xFFFFFFFFL);
        for (int i = 2; i < memo.length; i++) ref(memo[i]);
    }

    /**
     * The hash of the tokens of heap object or callback {@code o} alone, its references
     * replaced by a placeholder and collected apart, in order ({@link #memo}); the
     * stream is left as it was.
     */
    private long ownHash(Object o) {
        long outer = h;
        boolean wasDry = dry;
        h = 59;
        dry = false;
        collecting = true;
        collectedCount = 0;
        if (o instanceof Machine.Callback cb) callbackTokens(cb);
        else object(o);
        collecting = false;
        dry = wasDry;
        long own = h;
        h = outer;
        return own;
    }

    /** While an object's own tokens are hashed: its references, in order. */
    private boolean collecting;
    private int[] collected = new int[16];
    private int collectedCount;

    /**
     * The model prelude's namespace: the same immutable object in every state of a program
     * unless something was stored into it, so its tokens are hashed once and reused while
     * the object is the same and reaches no other heap object.
     */
    private Object preludeObject;
    private long preludeHash;

    private void prelude(Object o) {
        if (o == preludeObject) {
            token(preludeHash);
            return;
        }
        long outer = h;
        boolean recording = record;
        record = false;
        int others = otherRefs;
        h = 53;
        object(o);
        long own = h;
        h = outer;
        record = recording;
        token(own);
        if (otherRefs == others) {
            preludeObject = o;
            preludeHash = own;
        }
    }

    /** The order in which {@link #readyPart} serializes handles, and their preliminary hashes. */
    private int[] order = new int[16];
    private long[] pre = new long[16];
    /** Whether a handle's preliminary hash is its hash: every object it refers to was numbered already. */
    private boolean[] exact = new boolean[16];
    /** Set when a dry pass meets a reference not numbered yet. */
    private boolean dryMiss;

    /**
     * Orders the {@code n} handles of a part of the ready queue from {@code from} by a
     * preliminary hash, in which the references not numbered yet all hash alike.
     */
    private void sortReady(int from, int n) {
        long saved = h;
        boolean recording = record;
        record = false;
        dry = true;
        for (int i = 0; i < n; i++) {
            h = 31;
            dryMiss = false;
            callback(m.peekReady(from + i));
            pre[i] = h;
            exact[i] = !dryMiss && !recording;
        }
        dry = false;
        record = recording;
        h = saved;
        for (int i = 1; i < n; i++) { // a stable insertion sort by preliminary hash: ready queues are short
            int x = order[i];
            int j = i - 1;
            while (j >= 0 && pre[order[j]] > pre[x]) order[j + 1] = order[j--];
            order[j + 1] = x;
        }
    }

    /** References met to objects other than the prelude's namespace (see {@link #prelude}). */
    private int otherRefs;

    /** The handles of the ready queue from {@code from} to {@code to}, as a set. */
    private void readyPart(int from, int to) {
        int n = to - from;
        if (order.length < n) {
            order = new int[Math.max(n, order.length * 2)];
            pre = new long[order.length];
            exact = new boolean[order.length];
        }
        for (int i = 0; i < n; i++) order[i] = i;
        boolean sorted = n > 1;
        if (sorted) sortReady(from, n);
        for (int k = 0; k < n; k++) {
            int i = order[k];
            long own;
            if (sorted && exact[i]) {
                own = pre[i]; // its tokens now would be those of the dry pass
            } else {
                long outer = h;
                h = 31;
                callback(m.peekReady(from + i));
                own = h;
                h = outer;
            }
            names[from + i] = own * 2 + (from == 0 ? 1 : 0);
            token(own);
        }
    }

    /**
     * A callback: its function, arguments and handle. Callbacks are immutable and shared by
     * the copies of a run, so, as for heap objects ({@link #memoObject}), each one's own
     * tokens are hashed once and kept with its references, by identity (direct-mapped).
     */
    private void callback(Machine.Callback cb) {
        if (record) {
            callbackTokens(cb);
            return;
        }
        int slot = System.identityHashCode(cb) & (callbackKeys.length - 1);
        if (callbackKeys[slot] != cb) {
            callbackMemos[slot] = memo(ownHash(cb));
            callbackKeys[slot] = cb;
        }
        feed(callbackMemos[slot]);
    }

    private final Machine.Callback[] callbackKeys = new Machine.Callback[1024];
    private final int[][] callbackMemos = new int[1024][];

    private void callbackTokens(Machine.Callback cb) {
        value(cb.fn());
        vec(cb.args());
        ref(cb.handle());
    }

    private void vec(Vec<?> v) {
        int n = v.size();
        token(n);
        for (int i = 0; i < n; i++) value(v.get(i));
    }

    private void ids(Vec<Integer> v) {
        int n = v.size();
        token(n);
        for (int i = 0; i < n; i++) ref(v.get(i));
    }

    /** Strings recur (names, printed words): their 64-bit hashes are cached by identity, direct-mapped. */
    private final String[] stringKeys = new String[1024];
    private final long[] stringHashes = new long[1024];

    private void string(String s) {
        int slot = System.identityHashCode(s) & (stringKeys.length - 1);
        long sh;
        if (stringKeys[slot] == s) {
            sh = stringHashes[slot];
        } else {
            sh = s.length();
            for (int i = 0; i < s.length(); i++) sh = Long.rotateLeft(sh + s.charAt(i) * P2, 31) * P1;
            stringKeys[slot] = s;
            stringHashes[slot] = sh;
        }
        token(sh);
    }

    private void code(Code c) { token(c.serial); }

    // ------------------------------------------------------------------ values and objects

    /** A value: a tag for its kind, then its content, with heap references numbered (the kinds met most often first). */
    private void value(Object o) {
        if (o == null) { token(1); return; }
        if (o instanceof Ref r) { token(2); ref(r.id()); return; }
        if (o instanceof lockstep.lang.NoneType) { token(8); return; }
        if (o instanceof Long l) { token(3); token(l); return; }
        if (o instanceof BoundMethod b) { token(14); value(b.self()); value(b.func()); string(b.name()); return; }
        if (o instanceof Builtin b) { token(15); string(b.name()); return; }
        if (o instanceof Frame f) { token(9); frame(f); return; }
        if (o instanceof Interp.YieldAwait y) { token(y.started() ? 20 : 21); value(y.value()); return; }
        if (o instanceof RangeIter r) { token(25); token(r.next()); token(r.stop()); token(r.step()); return; }
        if (o instanceof Machine.TaskStep s) { token(16); ref(s.task()); value(s.exc()); return; }
        if (o instanceof PyExc e) {
            token(11); string(e.type.name); vec(e.args);
            if (e.hint != null) string(e.hint);
            return;
        }
        if (o instanceof Boolean b) { token(b ? 5 : 6); return; }
        if (o instanceof Machine.StopLoop) { token(18); return; }
        if (o instanceof Machine.TaskWakeup w) { token(17); ref(w.task()); return; }
        if (o instanceof String s) { token(4); string(s); return; }
        if (o instanceof Double d) { token(7); token(Double.doubleToLongBits(d)); return; }
        if (o instanceof Tuple t) { token(10); vec(t.items()); return; }
        if (o instanceof PyType t) { token(12); string(t.qualifiedName()); return; }
        if (o instanceof Func f) {
            token(13); code(f.template().code()); ref(f.globals()); vec(f.defaults()); vec(f.kwDefaults()); ids(f.closure());
            return;
        }
        if (o instanceof MethodDescriptor d) { token(39); string(d.type().name); string(d.name()); return; }
        if (o instanceof Interp.FutAwait a) { token(19); ref(a.fut()); token(a.started() ? 1 : 0); return; }
        if (o instanceof Unbound) { token(22); return; }
        if (o instanceof BareYield) { token(23); return; }
        if (o instanceof RangeVal r) { token(24); token(r.start()); token(r.stop()); token(r.step()); return; }
        if (o instanceof SeqIter s) { token(26); value(s.seq()); token(s.index()); return; }
        if (o instanceof Immediate i) { token(27); value(i.value()); value(i.exc()); return; }
        if (o instanceof SliceVal s) { token(28); value(s.lower()); value(s.upper()); value(s.step()); return; }
        if (o instanceof RunRequest r) { token(29); value(r.coro()); return; }
        if (o instanceof LoopVal) { token(30); return; }
        if (o instanceof AsyncioApi.PreludeName p) { token(31); string(p.name()); return; }
        if (o instanceof Compiler.ModuleRef r) { token(32); string(r.name()); return; }
        if (o instanceof BigInteger b) { token(33); string(b.toString(16)); return; }
        if (o instanceof Integer i) { token(34); token(i); return; }
        if (o instanceof Vec<?> v) { token(35); vec(v); return; }
        if (o instanceof DequeVal d) { token(38); vec(d.items()); return; }
        if (o instanceof DictView d) { token(36); ref(d.dict().id()); token(d.kind()); return; }
        if (o instanceof DictIter d) { token(37); ref(d.dict().id()); vec(d.keys()); token(d.kind()); token(d.index()); return; }
        throw new IllegalStateException("state fingerprint: no canonical form for " + o.getClass().getName());
    }

    private void frame(Frame f) {
        code(f.code);
        ref(f.globals);
        ids(f.closure);
        ref(f.coro);
        token(f.pc);
        token(f.started ? 1 : 0);
        token(f.sp);
        for (int i = 0; i < f.sp; i++) value(f.stack[i]);
        token(f.locals.length);
        for (Object l : f.locals) value(l);
        token(f.nblocks);
        for (int i = 0; i < f.nblocks * 3; i++) token(f.blocks[i]);
        token(f.nexc);
        for (int i = 0; i < f.nexc; i++) value(f.excInfo[i]);
    }

    private void future(Future f) {
        token(f.status().ordinal());
        value(f.result());
        value(f.exception());
        value(f.cancelMessage());
        value(f.cancelledExc());
        vec(f.callbacks());
    }

    private void object(Object o) {
        if (o instanceof ListObj l) { token(101); vec(l.items()); return; }
        if (o instanceof DictObj d) { token(102); vec(d.keys()); vec(d.vals()); return; }
        if (o instanceof CellObj c) { token(103); value(c.value()); return; }
        if (o instanceof GlobalsObj g) { token(104); vec(g.slots()); return; }
        if (o instanceof CoroObj c) {
            token(105); string(c.name()); token(c.state()); code(c.code());
            if (c.frame() == null) token(0); else frame(c.frame());
            return;
        }
        if (o instanceof FutureObj f) {
            token(106); future(f.f()); token(f.cancelRequested() ? 1 : 0);
            if (f.children() == null) token(-1); else ids(f.children());
            return;
        }
        if (o instanceof TaskObj t) {
            token(107); future(t.f());
            Task k = t.t();
            string(k.name()); token(k.cancelRequests()); token(k.mustCancel() ? 1 : 0); value(k.cancelMessage());
            ref(k.waitingOn());
            ref(t.coro());
            vec(t.stack());
            return;
        }
        if (o instanceof LockObj l) {
            token(108); token(l.s().locked() ? 1 : 0); token(l.s().hasQueue() ? 1 : 0); ids(l.s().waiters());
            return;
        }
        if (o instanceof EventObj e) {
            token(109); token(e.s().value() ? 1 : 0);
            Vec<Integer> w = e.s().waiters();
            if (collecting || w.size() < 2 || m.program.looksAtWaiters) { // collected in queue order: fed as a set ({@link #memoObject})
                ids(w);
            } else {
                token(w.size());
                int[] ids = new int[w.size()];
                for (int i = 0; i < ids.length; i++) ids[i] = w.get(i);
                waiters(ids, 0, ids.length);
            }
            return;
        }
        if (o instanceof CondObj c) {
            token(110); ref(c.s().lock()); ids(c.s().waiters());
            return;
        }
        if (o instanceof SemObj s) {
            Semaphore v = s.s();
            token(111); token(v.value()); token(v.bound()); token(v.hasQueue() ? 1 : 0); ids(v.waiters());
            return;
        }
        if (o instanceof BarrierObj b) {
            Barrier v = b.s();
            token(112); ref(v.cond()); token(v.parties()); token(v.phase().ordinal()); token(v.count());
            return;
        }
        if (o instanceof HandleObj hd) {
            token(113); token(hd.cancelled() ? 1 : 0); token(hd.timer() ? 1 : 0); token(Double.doubleToLongBits(hd.when()));
            return;
        }
        if (o instanceof GatherObj g) {
            token(116); ids(g.children()); token(g.nfuts()); token(g.nfinished()); ref(g.outer()); value(g.returnExceptions());
            return;
        }
        if (o instanceof GenObj g) { token(115); value(g.iterator()); value(g.step()); return; }
        if (o instanceof IterObj it) { token(117); string(it.type().name); vec(it.iters()); token(it.count()); return; }
        if (o instanceof TimeoutObj t) {
            token(114); string(t.state()); value(t.when()); ref(t.handler()); ref(t.task()); token(t.cancelling());
            return;
        }
        throw new IllegalStateException("state fingerprint: no canonical form for heap object " + o.getClass().getName());
    }
}
