package lockstep.html;

import lockstep.explore.Replay;
import lockstep.explore.Schedule;
import lockstep.explore.Schedule.Decision;
import lockstep.explore.StepListener;
import lockstep.html.Run.*;
import lockstep.vm.Frame;
import lockstep.vm.Machine;
import lockstep.vm.Obj.*;
import lockstep.vm.Program;
import lockstep.vm.Py;
import lockstep.vm.Values.Ref;

import java.util.*;

/**
 * Records a replayed run row by row, from the run itself: before each decision the ready
 * queue (so that what a step queued is known: the tasks it woke), after it the lane that
 * ran, the line it reached, every task's state, every primitive's repr, the clock, the
 * output, and the violations the invariants first saw there.
 */
final class Recording implements StepListener {
    /** Rows beyond this many are counted, not drawn: a page is for reading, not for a million steps. */
    static final int MAX_ROWS = 5000;

    private final Program program;
    private final String[] source;
    private final List<Row> rows = new ArrayList<>();
    private final Map<Integer, Lane> lanes = new TreeMap<>();
    private int notDrawn;
    private int step;
    private Set<Machine.Callback> readyBefore = Set.of();
    private Decision decision;
    private int cancelTask;
    private int lineBefore;
    private lockstep.lang.Code codeBefore;
    private int stdoutBefore;
    private double timeBefore;
    private Map<Integer, String> primsBefore = Map.of();
    private Map<Integer, TaskState> statesBefore = Map.of();
    /** The machine when the loop was last at rest, and the number of rows then (a deadlock is drawn there). */
    private Machine atRest;
    private int rowsAtRest = -1;

    Recording(Program program, String source) {
        this.program = program;
        this.source = source.split("\r\n|\r|\n", -1);
        lanes.put(Run.CALLBACKS, new Lane(Run.CALLBACKS, "loop callbacks", "call_soon, call_later, done-callbacks", ""));
    }

    /** Replays {@code schedule} on {@code program} and returns the run as a page draws it; null with {@code misfit} set when it does not fit. */
    static Run record(Program program, String source, List<Decision> schedule, int maxSteps, String[] misfit) {
        Recording rec = new Recording(program, source);
        Replay.Result r = Replay.replayWatched(program, schedule, rec, maxSteps);
        if (r.misfit() != null) {
            misfit[0] = r.misfit();
            return null;
        }
        return rec.finish(program.file, Schedule.format(schedule), r);
    }

    @Override public void deciding(Machine m, Decision d, int cancelTask) {
        if (rows.size() >= MAX_ROWS) return;
        Set<Machine.Callback> ready = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < m.readyCount(); i++) ready.add(m.peekReady(i));
        readyBefore = ready;
        decision = d;
        this.cancelTask = cancelTask;
        stdoutBefore = m.stdoutLength();
        int lane = d.cancel() ? cancelTask : laneOf(m.peekReady(d.index()));
        Frame f = lane == Run.CALLBACKS ? null : frame(m, lane);
        lineBefore = f == null ? 0 : f.line();
        codeBefore = f == null ? null : f.code;
    }

    @Override public void applied(Machine m, Machine.Callback ran, List<String[]> violations) {
        if (rows.size() >= MAX_ROWS) {
            notDrawn++;
            return;
        }
        int lane = ran == null ? cancelTask : laneOf(ran);
        if (ran != null) step++;
        addLanes(m, lane);
        Map<Integer, String> names = Names.of(m, program);
        Map<Integer, TaskState> states = states(m, violations, names);
        String what = ran == null ? "cancel() injected" : describe(m, ran, states.get(lane));
        Frame f = lane == Run.CALLBACKS || states.get(lane).kind().equals("done") ? null : frame(m, lane);
        int line = f == null ? lineBefore : f.line();
        int from = f != null && f.code == codeBefore && lineBefore > 0 && lineBefore < line && line - lineBefore <= MAX_SPAN
                ? lineBefore + 1 : line;
        addRow(m, ran == null ? Kind.CANCEL : Kind.STEP, ran == null ? 0 : step, decision.toString(), lane, what, from, line,
                wakes(m, lane), states, names, violations);
    }

    @Override public void quiescent(Machine m, List<String[]> violations) {
        atRest = m;
        rowsAtRest = rows.size();
        if (!violations.isEmpty() && rows.size() < MAX_ROWS) restRow(m, violations);
    }

    private void restRow(Machine m, List<String[]> violations) {
        Map<Integer, String> names = Names.of(m, program);
        addRow(m, Kind.QUIESCENT, 0, "", Run.CALLBACKS, "the loop is at rest: nothing is ready", 0, 0, List.of(),
                states(m, violations, names), names, violations);
        rowsAtRest = rows.size();
    }

    private void addRow(Machine m, Kind kind, int step, String decision, int lane, String what, int from, int line, List<Wake> wakes,
                        Map<Integer, TaskState> states, Map<Integer, String> names, List<String[]> violations) {
        String out = m.stdout();
        List<String> text = new ArrayList<>();
        for (int l = Math.max(1, from); l <= line && l <= source.length; l++) text.add(source[l - 1].strip());
        rows.add(new Row(kind, step, decision, lane, what, from, line, text,
                wakes, m.time(), m.time() != timeBefore, prims(m, names), states, new ArrayList<>(violations),
                out.length() > stdoutBefore ? out.substring(stdoutBefore) : ""));
        stdoutBefore = out.length();
        timeBefore = m.time();
        statesBefore = states;
    }

    /**
     * The run as drawn: a deadlock is a violation of the loop at rest where it happened, an
     * exception escaping asyncio.run one of the last step; lanes say how each task ended.
     */
    private Run finish(String file, String schedule, Replay.Result r) {
        List<String[]> all = new ArrayList<>(r.violations());
        if (r.run().exit() == 3) {
            String[] v = {"deadlock", "no task can make progress"};
            all.add(v);
            if (atRest != null && rowsAtRest == rows.size() && rows.size() < MAX_ROWS) {
                if (rows.isEmpty() || rows.get(rows.size() - 1).kind() != Kind.QUIESCENT) restRow(atRest, Collections.singletonList(v));
                else rows.get(rows.size() - 1).violations().add(v);
            }
        }
        if (r.run().exit() == 1 && !rows.isEmpty()) {
            String[] lines = r.run().stderr().strip().split("\n");
            String[] v = {"exception", lines[lines.length - 1]};
            all.add(v);
            rows.get(rows.size() - 1).violations().add(v);
        }
        List<Lane> ls = new ArrayList<>();
        for (Lane l : lanes.values()) {
            if (l.id() == Run.CALLBACKS) continue;
            TaskState s = statesBefore.get(l.id());
            ls.add(new Lane(l.id(), l.name(), l.call(), s == null ? "" : s.text()));
        }
        ls.add(lanes.get(Run.CALLBACKS));
        return new Run(file, schedule, ls, rows, notDrawn, r.run().stdout(), r.run().stderr(), r.run().exit(), all);
    }

    // ------------------------------------------------------------------ lanes and what ran

    private static int laneOf(Machine.Callback cb) {
        if (cb.fn() instanceof Machine.TaskStep ts) return ts.task();
        if (cb.fn() instanceof Machine.TaskWakeup tw) return tw.task();
        return Run.CALLBACKS;
    }

    /** Every task created so far (and the one that ran) gets a lane, in creation order, named by its name and its coroutine call. */
    private void addLanes(Machine m, int ran) {
        List<Integer> tasks = new ArrayList<>(m.pendingTasks());
        if (ran != Run.CALLBACKS) tasks.add(ran);
        for (int t : tasks) {
            if (lanes.containsKey(t)) continue;
            TaskObj task = m.task(t);
            lanes.put(t, new Lane(t, task.t().name(), call(m, task), ""));
        }
    }

    /** The coroutine's call as written: {@code waiter('a')} (its parameters' values when the task was created). */
    private static String call(Machine m, TaskObj task) {
        Frame f = task.stack().isEmpty() ? (m.get(task.coro()) instanceof CoroObj co ? co.frame() : null)
                : task.stack().get(0) instanceof Frame fr ? fr : null;
        if (f == null) return m.get(task.coro()) instanceof CoroObj co ? co.name() + "()" : "";
        StringJoiner args = new StringJoiner(", ", f.code.name + "(", ")");
        for (int i = 0; i < f.code.params.length; i++) {
            Object v = f.local(i);
            if (v instanceof Ref r && m.get(r.id()) instanceof CellObj c) v = c.value();
            args.add(v == null ? "?" : Py.repr(m, v));
        }
        return args.toString();
    }

    /** What a handle did: a task's step or wakeup and its state after ({@code after}; null for a callback), or the callback. */
    private static String describe(Machine m, Machine.Callback ran, TaskState after) {
        Object fn = ran.fn();
        String then = after == null ? "" : after.kind().equals("ready") ? after.text().replaceFirst("^ready", "yields to the loop") : after.text();
        if (fn instanceof Machine.TaskStep ts) return (ts.exc() == null ? "step" : "step, throwing " + ts.exc().type.name) + " → " + then;
        if (fn instanceof Machine.TaskWakeup) return "wakeup → " + then;
        if (fn instanceof Machine.StopLoop) return "loop.stop() (run_until_complete's future is done)";
        return "callback " + shortRepr(Py.repr(m, fn));
    }

    /** {@code <built-in function f>}, {@code <function f at 0x..>}, {@code <bound method A.f of ..>}: just {@code f} or {@code A.f}. */
    static String shortRepr(String repr) {
        java.util.regex.Matcher x = java.util.regex.Pattern.compile("^<(?:built-in function|function|bound method) ([^ >]+).*>$").matcher(repr);
        return x.matches() ? x.group(1) + "()" : repr;
    }

    /**
     * The most lines a row shows: a step that resumed at line a and stopped at line b of the
     * same function shows lines a+1..b (what it ran, unless it looped), when they are this few.
     */
    static final int MAX_SPAN = 4;

    /** A task's innermost frame of the scenario (not of the model's prelude); null if none. */
    private static Frame frame(Machine m, int task) {
        var stack = m.task(task).stack();
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i) instanceof Frame f && !f.code.file.equals(Program.PRELUDE_FILE)) return f;
        }
        return null;
    }

    /** The scenario line a task is at; 0 if none. */
    private static int line(Machine m, int task) {
        Frame f = frame(m, task);
        return f == null ? 0 : f.line();
    }

    /**
     * The lanes a step woke: every handle it queued for another task, not for itself (a wakeup is named by
     * what that task waited on: a lock's release, a condition's notify, an event's set, a
     * task's done-callback; a first step by "start") or for the loop's callbacks.
     */
    private List<Wake> wakes(Machine m, int lane) {
        List<Wake> w = new ArrayList<>();
        for (int i = 0; i < m.readyCount(); i++) {
            Machine.Callback cb = m.peekReady(i);
            if (readyBefore.contains(cb)) continue;
            int to = laneOf(cb);
            if (to == lane && to != Run.CALLBACKS) continue;
            String how;
            if (cb.fn() instanceof Machine.TaskWakeup) how = wakeVerb(statesBefore.get(to));
            else if (cb.fn() instanceof Machine.TaskStep) how = statesBefore.containsKey(to) ? "step" : "start";
            else how = cb.fn() instanceof Machine.StopLoop ? "loop.stop" : shortRepr(Py.repr(m, cb.fn()));
            w.add(new Wake(to, how));
        }
        return w;
    }

    private static String wakeVerb(TaskState before) {
        if (before == null || before.on() == null) return "wake";
        return switch (before.on()) {
            case "Condition" -> "notify";
            case "Event" -> "set";
            case "Lock", "Semaphore", "BoundedSemaphore" -> "release";
            case "task", "gather" -> "done-callback";
            default -> "result";
        };
    }

    // ------------------------------------------------------------------ states

    /** Every known task's state; at a lost wakeup or deadlock, a task blocked on a primitive is stuck. */
    private Map<Integer, TaskState> states(Machine m, List<String[]> violations, Map<Integer, String> names) {
        boolean stuckHere = violations.stream().anyMatch(v -> v[0].equals("lost-wakeup") || v[0].equals("deadlock"));
        Set<Integer> ready = new HashSet<>();
        for (int i = 0; i < m.readyCount(); i++) ready.add(laneOf(m.peekReady(i)));
        Map<Integer, TaskState> s = new LinkedHashMap<>();
        for (int t : lanes.keySet()) {
            if (t == Run.CALLBACKS) continue;
            TaskObj task = m.task(t);
            if (task.f().done()) s.put(t, new TaskState("done", ended(m, task), null, false));
            else if (ready.contains(t)) s.put(t, new TaskState("ready", "ready" + at(m, t), null, false));
            else {
                String[] on = waitedOn(m, task.t().waitingOn(), names);
                boolean primitive = !List.of("task", "gather", "future").contains(on[1]);
                s.put(t, new TaskState("blocked", "waits on " + on[0] + at(m, t), on[1], stuckHere && primitive));
            }
        }
        return s;
    }

    private String at(Machine m, int task) {
        int line = line(m, task);
        return line == 0 ? "" : " (line " + line + ")";
    }

    private static String ended(Machine m, TaskObj t) {
        if (t.f().cancelled()) return "cancelled";
        if (t.f().exception() != null) return "raised " + Py.repr(m, t.f().exception());
        return "returned " + Py.repr(m, t.f().result());
    }

    /** What future {@code fut} is: {label, kind} (see {@link TaskState#on}); a primitive's waiter is named by the primitive. */
    private static String[] waitedOn(Machine m, int fut, Map<Integer, String> names) {
        if (fut < 0) return new String[]{"nothing", "future"};
        if (m.get(fut) instanceof TaskObj other) return new String[]{"task " + other.t().name(), "task"};
        for (int id = 1; id < m.heapSize(); id++) {
            Object o = m.get(id);
            boolean waiter = o instanceof LockObj l && l.s().waiters().contains(fut)
                    || o instanceof EventObj e && e.s().waiters().contains(fut)
                    || o instanceof CondObj c && c.s().waiters().contains(fut)
                    || o instanceof SemObj s && s.s().waiters().contains(fut);
            if (waiter) return new String[]{kindOf(o) + " " + names.get(id), kindOf(o)};
        }
        if (m.get(fut) instanceof FutureObj f && f.children() != null) return new String[]{"gather()", "gather"};
        return new String[]{"a future", "future"};
    }

    static String kindOf(Object o) {
        if (o instanceof LockObj) return "Lock";
        if (o instanceof EventObj) return "Event";
        if (o instanceof CondObj) return "Condition";
        if (o instanceof SemObj s) return s.s().bounded() ? "BoundedSemaphore" : "Semaphore";
        return "Barrier";
    }

    /** Every primitive on the heap, by name, with its repr; changed when its repr differs from the row before. */
    private List<Prim> prims(Machine m, Map<Integer, String> names) {
        Map<Integer, String> now = new LinkedHashMap<>();
        List<Prim> ps = new ArrayList<>();
        for (int id = 1; id < m.heapSize(); id++) {
            Object o = m.get(id);
            if (!Names.isPrimitive(o)) continue;
            String repr = Py.repr(m, new Ref(id));
            now.put(id, repr);
            ps.add(new Prim(names.get(id), repr, !repr.equals(primsBefore.get(id))));
        }
        primsBefore = now;
        return ps;
    }
}
