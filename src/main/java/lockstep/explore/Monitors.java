package lockstep.explore;

import lockstep.core.Barrier;
import lockstep.core.Lock;
import lockstep.core.Semaphore;
import lockstep.core.Vec;
import lockstep.core.Wake;
import lockstep.vm.Canon;
import lockstep.vm.Machine;
import lockstep.vm.Obj.*;
import lockstep.vm.Observer;
import lockstep.vm.Py;
import lockstep.vm.TaskView;
import lockstep.vm.Values.Ref;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in invariants of the primitives, each a rule over a run (README, "The
 * invariants"), checked as the run goes. They listen to the VM through {@link Observer} and
 * keep what they remember of the run here, not in the heap: who holds each lock, a barrier's
 * current cycle, the notifications that went to cancelled waiters. {@link #violations}
 * lists what they found, in order, each with its cause (see {@link Breach}).
 */
final class Monitors implements Observer {

    /**
     * A breach of an invariant. {@code cause} identifies it across schedules — the kind, the
     * primitive's type, the scenario lines and the coroutines of the tasks involved, never task
     * names, addresses or values — and {@code message} names every task it is about.
     */
    record Breach(String kind, String cause, String message) {}

    /**
     * Who holds a lock: the task that took it ({@code -1}: a callback); who released it for
     * that task (0: nobody) and where; and the task it displaced ({@code displaced}, 0: none):
     * an earlier holder, still running, whose hold {@code displacedBy} ended for it.
     */
    private record Holder(int task, int releasedBy, String releasedAt, int displaced, int displacedBy, String displacedAt) {
        static Holder of(int task) { return new Holder(task, 0, "", 0, 0, ""); }
    }

    /** A barrier's current cycle: who passed with which index, who is inside wait(), who must fail, and who reset or aborted it. */
    private record Cycle(Vec<Long> indices, Vec<Integer> passers, Vec<Integer> present, Vec<Integer> mustFail, int interrupter) {
        static final Cycle NEW = new Cycle(Vec.of(), Vec.of(), Vec.of(), Vec.of(), 0);
    }

    /** A notify() that went to a waiter then cancelled: the cancelled task, and the tasks waiting then (3.13 would wake the first). */
    private record Loss(int cond, int cancelled, Vec<Integer> waiting) {}

    /*
     * What the monitors remember. A run is copied at every move the search takes, and most of
     * the time these are empty: an empty one is then shared by the copies (one of the NO_
     * sentinels below, never written), and replaced by a new one at its first write.
     */
    private HashMap<Integer, Holder> holders;
    private HashMap<Integer, Cycle> cycles;
    /** Per condition: the waiters woken by notify(n) (not notify_all) that have not yet left wait(). */
    private HashMap<Integer, Vec<Integer>> notifiedOne;
    private List<Loss> losses;
    private boolean ended;
    /** The breaches found so far, in order (read by the search after each step). */
    List<Breach> violations;

    private static final HashMap<Integer, Holder> NO_HOLDERS = new HashMap<>();
    private static final HashMap<Integer, Cycle> NO_CYCLES = new HashMap<>();
    private static final HashMap<Integer, Vec<Integer>> NO_NOTIFIED = new HashMap<>();
    private static final List<Loss> NO_LOSSES = new ArrayList<>();
    private static final List<Breach> NO_BREACHES = new ArrayList<>();

    Monitors() {
        this(NO_HOLDERS, NO_CYCLES, NO_NOTIFIED, NO_LOSSES, false, NO_BREACHES);
    }

    private Monitors(HashMap<Integer, Holder> holders, HashMap<Integer, Cycle> cycles, HashMap<Integer, Vec<Integer>> notifiedOne,
                     List<Loss> losses, boolean ended, List<Breach> violations) {
        this.holders = holders;
        this.cycles = cycles;
        this.notifiedOne = notifiedOne;
        this.losses = losses;
        this.ended = ended;
        this.violations = violations;
    }

    @Override public Observer copy() {
        return new Monitors(copy(holders, NO_HOLDERS), copy(cycles, NO_CYCLES), copy(notifiedOne, NO_NOTIFIED),
                losses.isEmpty() ? NO_LOSSES : new ArrayList<>(losses), ended,
                violations.isEmpty() ? NO_BREACHES : new ArrayList<>(violations));
    }

    private static <V> HashMap<Integer, V> copy(HashMap<Integer, V> map, HashMap<Integer, V> none) {
        return map.isEmpty() ? none : new HashMap<>(map);
    }

    private HashMap<Integer, Holder> holdersToWrite() {
        if (holders == NO_HOLDERS) holders = new HashMap<>();
        return holders;
    }

    private HashMap<Integer, Cycle> cyclesToWrite() {
        if (cycles == NO_CYCLES) cycles = new HashMap<>();
        return cycles;
    }

    private HashMap<Integer, Vec<Integer>> notifiedToWrite() {
        if (notifiedOne == NO_NOTIFIED) notifiedOne = new HashMap<>();
        return notifiedOne;
    }

    /** The monitors of a run (installed by the explorer when the run starts). */
    static Monitors of(Machine m) { return (Monitors) m.observer(); }

    private void violation(String kind, String cause, String message) {
        if (violations == NO_BREACHES) violations = new ArrayList<>();
        violations.add(new Breach(kind, kind + " " + cause, message));
    }

    // ------------------------------------------------------------------ locks and semaphores

    /**
     * Mutual exclusion: a lock is taken only when free. FIFO: a waiter takes it only when no
     * earlier waiter is still queued and unwoken. A take after another task released the lock
     * for a holder still running displaces that holder (see {@link #lockReleased}).
     */
    @Override public void lockTaken(Machine m, int lock, Lock before, int fut) {
        int me = m.currentTask();
        Holder h = holders.get(lock);
        if (before.locked()) {
            violation("mutual-exclusion", "Lock " + line(m, me) + " " + coro(m, me),
                    who(m, me) + " acquired " + repr(m, lock) + " while another task held it");
        }
        boolean displaces = h != null && h.releasedBy > 0 && h.task > 0 && h.task != me && m.pendingTasks().contains(h.task);
        holdersToWrite().put(lock, displaces ? new Holder(me, 0, "", h.task, h.releasedBy, h.releasedAt) : Holder.of(me));
        checkFifo(m, "Lock", lock, before.waiters(), fut);
    }

    /**
     * Mutual exclusion, with asyncio's ownerless Lock: a holder's own release ends its hold. A
     * release by another task ends it for the holder; if a third task then takes the lock and
     * the first holder, still running, releases it while that third one still holds it, both
     * were inside at once — a breach naming all three (a "watchdog" releasing a lock held too
     * long). A release by a callback, or a hand-off to a task that finishes holding it, is not.
     */
    @Override public void lockReleased(Machine m, int lock) {
        Holder h = holders.get(lock);
        if (h == null) return;
        int me = m.currentTask();
        if (me == h.task) {
            holdersToWrite().remove(lock);
        } else if (me > 0 && me == h.displaced && h.task > 0 && m.pendingTasks().contains(h.task)) {
            violation("mutual-exclusion", "Lock " + line(m, me) + " " + coro(m, me) + "," + coro(m, h.task) + "," + coro(m, h.displacedBy),
                    who(m, me) + " released " + repr(m, lock) + " at " + line(m, me) + " while " + who(m, h.task)
                            + " held it: both were inside, because " + who(m, h.displacedBy) + " had released it at "
                            + h.displacedAt + " for " + who(m, me));
            holdersToWrite().remove(lock);
        } else {
            holdersToWrite().put(lock, new Holder(h.task, me, TaskView.lineOrCallback(m, me), h.displaced, h.displacedBy, h.displacedAt));
        }
    }

    /** Semaphore bounds: never negative; a BoundedSemaphore never above its initial value. */
    @Override public void semaphoreChanged(Machine m, int sem, Semaphore v) {
        int me = m.currentTask();
        if (v.value() < 0) {
            violation("semaphore-bounds", "Semaphore " + line(m, me), repr(m, sem) + " has value " + v.value() + " after " + who(m, me));
        }
        if (v.bounded() && v.value() > v.bound()) {
            violation("semaphore-bounds", "BoundedSemaphore " + line(m, me),
                    repr(m, sem) + " is above its bound " + v.bound() + " after " + who(m, me));
        }
    }

    @Override public void semaphoreResumed(Machine m, int sem, Semaphore s, int fut) { checkFifo(m, "Semaphore", sem, s.waiters(), fut); }

    /** FIFO hand-off: a waiter resuming must not overtake an earlier arrival still queued and not woken. */
    private void checkFifo(Machine m, String type, int prim, Vec<Integer> waiters, int fut) {
        for (int w : waiters) {
            if (w < fut && !m.futDone(w)) {
                int me = m.currentTask();
                int other = waiterTask(m, w);
                violation("fifo", type + " " + line(m, me) + " " + coro(m, me) + "," + coro(m, other),
                        who(m, me) + " acquired " + repr(m, prim) + " ahead of " + who(m, other) + ", queued before it and not woken");
                return;
            }
        }
    }

    // ------------------------------------------------------------------ conditions

    @Override public void notified(Machine m, int cond, Vec<Wake> woken) {
        Vec<Integer> queued = ((CondObj) m.get(cond)).s().waiters();
        Vec<Integer> mine = Vec.of();
        for (int f : notifiedOne.getOrDefault(cond, Vec.of())) if (queued.contains(f)) mine = mine.append(f);
        for (Wake w : woken) mine = mine.append(w.future());
        notifiedToWrite().put(cond, mine);
    }

    /**
     * A notify() that went to a waiter then cancelled: the tasks still waiting (woken by
     * nothing) are the ones CPython 3.13 would pass it on to (gh-112202). A waiter woken by
     * notify_all() loses nothing for the others.
     */
    @Override public void notificationLost(Machine m, int cond, int fut) {
        Vec<Integer> mine = notifiedOne.getOrDefault(cond, Vec.of());
        if (!mine.contains(fut)) return;
        notifiedToWrite().put(cond, mine.remove(fut));
        Vec<Integer> waiting = Vec.of();
        for (int w : ((CondObj) m.get(cond)).s().waiters()) {
            if (w != fut && !m.futDone(w)) {
                int t = waiterTask(m, w);
                if (t > 0) waiting = waiting.append(t);
            }
        }
        if (waiting.isEmpty()) return;
        if (losses == NO_LOSSES) losses = new ArrayList<>();
        losses.add(new Loss(cond, m.currentTask(), waiting));
    }

    // ------------------------------------------------------------------ barriers

    @Override public void barrierArrived(Machine m, int barrier) {
        Cycle c = cycle(barrier);
        cyclesToWrite().put(barrier, new Cycle(c.indices, c.passers, c.present.append(m.currentTask()), c.mustFail, c.interrupter));
    }

    /**
     * A party returns its index: the barrier must have tripped (every party of the cycle
     * arrived), no other party of the cycle may have returned the same index, and it must not
     * be one that a reset or abort during its wait was to fail.
     */
    @Override public void barrierPassed(Machine m, int barrier, Barrier s, long index) {
        Cycle c = cycle(barrier);
        int me = m.currentTask();
        String passed = who(m, me) + " passed " + repr(m, barrier) + " with index " + index;
        String where = "Barrier " + line(m, me) + " " + coro(m, me);
        if (s.phase() != Barrier.Phase.DRAINING) violation("barrier", where + " early", passed + " before all " + s.parties() + " parties arrived");
        int twin = c.indices.indexOf(index);
        if (twin >= 0) {
            int other = c.passers.get(twin);
            violation("barrier", where + "," + coro(m, other) + " duplicate",
                    passed + ", and so did " + who(m, other) + " in the same cycle");
        }
        if (c.mustFail.contains(me)) {
            violation("barrier", where + " not-broken", passed + " although " + who(m, c.interrupter)
                    + " reset or aborted it while it waited (it must raise BrokenBarrierError)");
        }
        cyclesToWrite().put(barrier, new Cycle(c.indices.append(index), c.passers.append(me), c.present, c.mustFail, c.interrupter));
    }

    /** A party leaves; when the last one leaves a drained or reset barrier, a new cycle begins. */
    @Override public void barrierLeft(Machine m, int barrier, Barrier before, Barrier after) {
        Cycle c = cycle(barrier);
        Integer me = m.currentTask();
        c = new Cycle(c.indices, c.passers, c.present.remove(me), c.mustFail.remove(me), c.interrupter);
        if (after.count() == 0 && before.count() > 0 && after.phase() == Barrier.Phase.FILLING
                && before.phase() != Barrier.Phase.FILLING) {
            c = new Cycle(Vec.of(), Vec.of(), c.present, c.mustFail, 0);
        }
        cyclesToWrite().put(barrier, c);
    }

    @Override public void barrierInterrupted(Machine m, int barrier) {
        Cycle c = cycle(barrier);
        cyclesToWrite().put(barrier, new Cycle(c.indices, c.passers, c.present, c.present, m.currentTask()));
    }

    private Cycle cycle(int barrier) { return cycles.getOrDefault(barrier, Cycle.NEW); }

    @Override public void assertFailed(Machine m, String where) {
        violation("assert", line(m, m.currentTask()) + " " + coro(m, m.currentTask()),
                where + " (in " + who(m, m.currentTask()) + ")");
    }

    // ------------------------------------------------------------------ the end of the run

    /**
     * No lost wakeup: when the run's tasks are left for good with nothing in flight (nothing
     * ready, no timer: a deadlock, or main() done then), nothing promised is undelivered —
     * a released lock, a semaphore's units, a set event to a waiter still queued and not woken;
     * a notify() that went to a cancelled waiter to a task that waited then and still waits now,
     * and that, woken as CPython 3.13 wakes it, would leave wait() (not just wait again).
     */
    @Override public void runEnding(Machine m) {
        if (ended || m.readyCount() > 0 || m.hasTimers()) return;
        ended = true;
        for (int id = 1; id < m.heapSize(); id++) {
            Object o = m.get(id);
            if (o instanceof LockObj l && !l.s().locked()) {
                undelivered(m, id, l.s().waiters(), "Lock.acquire", "although it is free");
            } else if (o instanceof SemObj s && s.s().value() > 0) {
                undelivered(m, id, s.s().waiters(), "Semaphore.acquire", "although it has value " + s.s().value());
            } else if (o instanceof EventObj e && e.s().value()) {
                undelivered(m, id, e.s().waiters(), "Event.wait", "although it is set");
            }
        }
        for (Loss loss : losses) lostNotification(m, loss);
    }

    private void undelivered(Machine m, int prim, Vec<Integer> waiters, String call, String why) {
        for (int w : waiters) {
            int t = waiterTask(m, w);
            if (m.futDone(w) || t <= 0) continue;
            violation("lost-wakeup", call + " " + line(m, t) + " " + coro(m, t),
                    who(m, t) + " stays blocked in " + call + " on " + repr(m, prim) + " " + why);
        }
    }

    private void lostNotification(Machine m, Loss loss) {
        for (int t : loss.waiting) {
            int fut = TaskView.awaited(m, t);
            Vec<Integer> queued = ((CondObj) m.get(loss.cond)).s().waiters();
            if (fut < 0 || !queued.contains(fut) || m.futDone(fut) || !leavesWaitWhenWoken(m, t, fut, loss.cond)) continue;
            violation("lost-wakeup", "Condition.wait " + line(m, t) + " " + coro(m, t) + "," + coro(m, loss.cancelled),
                    who(m, t) + " stays blocked in Condition.wait on " + repr(m, loss.cond) + ": the notify() that would have"
                            + " woken it went to " + who(m, loss.cancelled) + ", which was cancelled (gh-112202)");
        }
    }

    /**
     * Steps a copy of the run in which {@code task}'s waiter is woken: does the task leave
     * Condition.wait() (or wait_for())? It stays inside when its predicate is false (it waits
     * on the condition again and nothing else changed: the copy's state is the same as before,
     * up to the waiter's new future) or when it cannot re-acquire the lock (held by a task that
     * died with it). A task that did something and then waits on the condition again has left.
     */
    private static boolean leavesWaitWhenWoken(Machine m, int task, int fut, int cond) {
        Machine c = m.snapshot();
        c.observe(Observer.NONE);
        c.takeFootprint();
        long before = new Canon().fingerprint(c, 0);
        try {
            c.setResult(fut, Boolean.TRUE);
            for (int i = 0; i < COUNTERFACTUAL_STEPS; i++) {
                c.dropCancelledReady();
                if (c.readyCount() == 0) break;
                c.runHandle(0);
            }
        } catch (RuntimeException e) {
            return true;
        }
        if (!c.pendingTasks().contains(task) || !TaskView.call(c, task).startsWith("Condition.wait")) return true;
        int again = TaskView.awaited(c, task);
        boolean waitsOnCondition = again >= 0 && ((CondObj) c.get(cond)).s().waiters().contains(again);
        return waitsOnCondition && new Canon().fingerprint(c, 0) != before;
    }

    /** How many handles the wakeup of a notified waiter may run before it is judged. */
    private static final int COUNTERFACTUAL_STEPS = 10_000;

    // ------------------------------------------------------------------ state

    /** What the monitors remember of the objects still reachable, in canonical order. */
    @Override public void fingerprint(Canon canon) {
        if (cycles.isEmpty() && holders.isEmpty() && notifiedOne.isEmpty() && losses.isEmpty()) { // what the loop below gives then
            canon.token(ended ? 1 : 0);
            canon.token(0);
            return;
        }
        List<long[]> entries = new ArrayList<>();
        for (Map.Entry<Integer, Cycle> e : cycles.entrySet()) {
            int n = canon.number(e.getKey());
            if (n == 0) continue;
            Cycle c = e.getValue();
            List<Long> t = new ArrayList<>(List.of((long) n, c.interrupter != 0 ? 1L : 0L));
            t.add((long) c.indices.size());
            for (long i : c.indices) t.add(i);
            t.add((long) c.present.size());
            for (int task : c.present) t.add((long) canon.number(task));
            for (int task : c.mustFail) t.add((long) -canon.number(task));
            entries.add(t.stream().mapToLong(Long::longValue).toArray());
        }
        for (Map.Entry<Integer, Holder> e : holders.entrySet()) {
            int n = canon.number(e.getKey());
            Holder h = e.getValue();
            if (n != 0) entries.add(new long[]{(1L << 40) + n, canon.number(h.task), canon.number(h.releasedBy), h.releasedAt.hashCode(),
                    canon.number(h.displaced), canon.number(h.displacedBy), h.displacedAt.hashCode()});
        }
        for (Map.Entry<Integer, Vec<Integer>> e : notifiedOne.entrySet()) {
            int n = canon.number(e.getKey());
            if (n == 0) continue;
            long[] t = new long[1 + e.getValue().size()];
            t[0] = (2L << 40) + n;
            for (int i = 0; i < e.getValue().size(); i++) t[i + 1] = canon.number(e.getValue().get(i));
            entries.add(t);
        }
        for (Loss l : losses) {
            long[] t = new long[2 + l.waiting.size()];
            t[0] = (3L << 40) + canon.number(l.cond);
            t[1] = canon.number(l.cancelled);
            for (int i = 0; i < l.waiting.size(); i++) t[i + 2] = canon.number(l.waiting.get(i));
            entries.add(t);
        }
        entries.sort(java.util.Arrays::compare);
        canon.token(ended ? 1 : 0);
        canon.token(entries.size());
        for (long[] t : entries) {
            canon.token(t.length);
            for (long x : t) canon.token(x);
        }
    }

    // ------------------------------------------------------------------ naming

    /** The task whose coroutine awaits future {@code fut}, or 0. */
    private static int waiterTask(Machine m, int fut) {
        for (int t : m.pendingTasks()) if (TaskView.awaited(m, t) == fut) return t;
        return 0;
    }

    /** {@code Task-2 waiter()}, or "a callback". */
    private static String who(Machine m, int task) {
        return task <= 0 ? "a callback" : TaskView.name(m, task);
    }

    private static String coro(Machine m, int task) { return task <= 0 ? "callback" : TaskView.coroutine(m, task); }

    private static String line(Machine m, int task) { return TaskView.lineOrCallback(m, task); }

    private static String repr(Machine m, int id) { return Py.repr(m, new Ref(id)); }
}
