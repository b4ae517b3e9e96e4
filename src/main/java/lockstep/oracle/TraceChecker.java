package lockstep.oracle;

import lockstep.Lockstep;
import lockstep.explore.Explorer;
import lockstep.explore.Schedule;
import lockstep.explore.Schedule.Decision;
import lockstep.sched.Runner;
import lockstep.vm.Machine;
import lockstep.vm.Program;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a recorded trace against CPython 3.12's semantics (the model): replays the
 * model step by step; at each recorded step, a ready handle that IS the recorded one
 * (same kind, same task or callback; see {@link HandleInfo}) runs, and must print what
 * the trace says it printed. When several ready handles match, each is tried in turn:
 * explore's exhaustive search, offered only the matching moves (no reduction, no cache:
 * the trace decides). A trace of only the final stdout is searched for with
 * {@link StdoutSearch}.
 */
public final class TraceChecker {
    private TraceChecker() {}

    /** Bounds: injected cancellations (stdout-only search), runs and time. */
    public record Options(int cancels, long maxSchedules, double timeLimitSeconds, int maxSteps) {
        public static Options defaults() { return new Options(0, 100_000, 60, 100_000); }
    }

    public enum Status { ALLOWED, DIVERGES, UNDECIDED }

    /**
     * Where a trace left every behaviour of 3.12.
     *
     * @param step      the recorded step (1-based, counting handle runs) at which it diverged; 0 for the
     *                  end of the run or a stdout-only trace
     * @param line      the trace line
     * @param reason    what went wrong, in words
     * @param recorded  what the trace has there
     * @param allowed   what 3.12 allows there (ready handles, or output)
     * @param schedule  the schedule of the model up to there (replays the matched prefix)
     */
    public record Divergence(int step, int line, String reason, String recorded, List<String> allowed, String schedule) {}

    /** The verdict; {@code schedule} reproduces the trace when ALLOWED. */
    public record Result(Status status, String schedule, int steps, long runs, Divergence divergence, String note) {}

    public static Result check(Program p, TraceFile t, Options o) {
        if (t.stdoutOnly()) return fromSearch(StdoutSearch.search(p, t.end.stdout(), t.end.exit(),
                new StdoutSearch.Options(o.cancels(), o.maxSchedules(), o.timeLimitSeconds(), o.maxSteps())), t);
        Follow f = new Follow(p, t);
        Explorer.Sought s = new Explorer(p, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, f.cancels(), o.maxSchedules(),
                o.maxSteps(), o.timeLimitSeconds(), false, System.err, false, false)).seek(f);
        if (s.schedule() != null) {
            String note = f.prefixOnly ? "the trace has no final line: checked as a prefix of a run" : null;
            return new Result(Status.ALLOWED, s.schedule(), t.steps(), s.schedules(), null, note);
        }
        if (s.bound() == null) return new Result(Status.DIVERGES, null, t.steps(), s.schedules(), f.best, null);
        return new Result(Status.UNDECIDED, null, t.steps(), s.schedules(), f.best,
                "stopped after " + s.schedules() + " runs (" + s.bound() + "): too many ways to match ambiguous steps");
    }

    private static Result fromSearch(StdoutSearch.Result s, TraceFile t) {
        int line = t.end.line();
        return switch (s.status()) {
            case FOUND -> new Result(Status.ALLOWED, s.schedule(), 0, s.schedules(), null,
                    "stdout-only trace: found a schedule of 3.12 that prints it");
            case IMPOSSIBLE -> new Result(Status.DIVERGES, null, 0, s.schedules(),
                    new Divergence(0, line, s.reason(), s.recordedNext(), s.alternatives(), s.closestSchedule()),
                    "stdout-only trace: every schedule of 3.12 searched" + (s.cancels() > 0 ? " (with up to " + s.cancels() + " injected cancellations)" : ""));
            case UNDECIDED -> new Result(Status.UNDECIDED, null, 0, s.schedules(),
                    new Divergence(0, line, s.reason(), s.recordedNext(), s.alternatives(), s.closestSchedule()),
                    "stdout-only trace: search stopped at " + s.bound() + " without finding it");
        };
    }

    /**
     * The goal of following a trace: at each choice point only the ready handles that are the
     * recorded one (or the recorded cancel) are offered, each step must print what the trace
     * says, and the run must end where the trace ends. It remembers the divergence of the run
     * that followed the trace furthest.
     */
    private static final class Follow implements Explorer.Goal {
        final Program p;
        final TraceFile t;
        Divergence best;
        int bestDepth = -1;
        boolean prefixOnly;
        /** The stdout's length at each choice point of the current path (by depth), for what a step printed. */
        private int[] outMark = new int[64];

        Follow(Program p, TraceFile t) {
            this.p = p;
            this.t = t;
        }

        /** The cancels the trace injects: the search's budget. */
        int cancels() {
            int n = 0;
            for (TraceFile.Event e : t.events) if (e.cancel()) n++;
            return n;
        }

        @Override public At choicePoint(Machine m, int ready, List<Integer> cancellable, List<Decision> taken) {
            int pos = taken.size();
            if (pos == outMark.length) outMark = java.util.Arrays.copyOf(outMark, pos * 2);
            outMark[pos] = m.stdoutLength();
            if (pos >= t.events.size()) {
                if (t.end == null) {
                    prefixOnly = true;
                    return At.REACHED;
                }
                return diverge(pos, taken, null, "the trace ends (line " + t.end.line() + ") but 3.12 still has handles to run",
                        "end of the trace", describeReady(m, ready));
            }
            TraceFile.Event e = t.events.get(pos);
            if (e.cancel()) {
                if (cancelIndex(m, cancellable, e) >= 0) return At.GO_ON;
                List<String> allowed = new ArrayList<>(describeReady(m, ready));
                for (int task : cancellable) allowed.add("cancel " + m.task(task).t().name());
                return diverge(pos, taken, e, "the trace cancels " + e.task() + ", which is not a pending task that can be cancelled here",
                        e.describe(), allowed);
            }
            for (int i = 0; i < ready; i++) if (matches(m, i, e)) return At.GO_ON;
            return diverge(pos, taken, e, "3.12 has no such handle ready", e.describe(), describeReady(m, ready));
        }

        @Override public boolean offers(Machine m, int code, int ready, List<Integer> cancellable, List<Decision> taken) {
            TraceFile.Event e = t.events.get(taken.size());
            if (e.cancel()) return code == ready + cancelIndex(m, cancellable, e);
            return code < ready && matches(m, code, e);
        }

        @Override public boolean stepped(Machine m, Machine.Callback ran, List<Decision> taken) {
            int pos = taken.size() - 1;
            TraceFile.Event e = t.events.get(pos);
            if (e.stdout() != null) {
                String printed = m.stdout().substring(outMark[pos]);
                if (!Lockstep.maskAddresses(printed).equals(Lockstep.maskAddresses(e.stdout()))) {
                    diverge(pos, taken, e, "the handle runs, but 3.12 prints something else in it",
                            e.describe() + " printing " + quote(e.stdout()),
                            List.of(HandleInfo.of(m, p, ran) + " printing " + quote(printed)));
                    return false;
                }
            }
            if (e.time() != null && Math.abs(m.time() - e.time()) > 1e-9 * Math.max(1, Math.abs(e.time()))) {
                diverge(pos, taken, e, "the handle runs at another virtual time in 3.12",
                        e.describe() + " at time " + e.time(), List.of(HandleInfo.of(m, p, ran) + " at time " + m.time()));
                return false;
            }
            return true;
        }

        /** A run ended: the trace must end where 3.12's run ends, with its stdout and exit code. */
        @Override public boolean reached(Runner.Result res, List<Decision> taken) {
            int pos = taken.size();
            if (pos < t.events.size()) {
                TraceFile.Event e = t.events.get(pos);
                diverge(pos, taken, e, "3.12's run ends here (exit " + res.exit() + ") but the trace goes on", e.describe(),
                        List.of("end of the run (exit " + res.exit() + ")"));
                return false;
            }
            if (t.end == null) return true;
            if (t.end.stdout() != null && !Lockstep.maskAddresses(t.end.stdout()).equals(Lockstep.maskAddresses(res.stdout()))) {
                diverge(t.events.size(), 0, taken, null,
                        "the run's whole stdout differs from 3.12's (output printed outside the loop's handles)",
                        quote(t.end.stdout()), List.of(quote(res.stdout())));
                return false;
            }
            if (t.end.exit() != null && t.end.exit() != res.exit()) {
                diverge(t.events.size(), 0, taken, null, "the run ends with another exit code in 3.12",
                        "exit " + t.end.exit(), List.of("exit " + res.exit()));
                return false;
            }
            return true;
        }

        private boolean matches(Machine m, int index, TraceFile.Event e) {
            return HandleInfo.of(m, p, m.peekReady(index)).matches(e.kind(), e.task(), e.func());
        }

        /** The first cancellable task with the recorded name, or -1. */
        private static int cancelIndex(Machine m, List<Integer> cancellable, TraceFile.Event e) {
            for (int i = 0; i < cancellable.size(); i++) if (m.task(cancellable.get(i)).t().name().equals(e.task())) return i;
            return -1;
        }

        private List<String> describeReady(Machine m, int ready) {
            List<String> l = new ArrayList<>();
            for (int i = 0; i < ready; i++) l.add(HandleInfo.of(m, p, m.peekReady(i)).toString());
            return l;
        }

        /**
         * The run leaves the trace at event {@code pos}, step number (handle runs) {@code step}
         * (0: the end of the run; by default the step of that event): kept if no run followed
         * the trace further.
         */
        private At diverge(int pos, List<Decision> taken, TraceFile.Event e, String reason, String recorded, List<String> allowed) {
            int step = 1;
            for (int i = 0; i < pos; i++) if (!t.events.get(i).cancel()) step++;
            return diverge(pos, step, taken, e, reason, recorded, allowed);
        }

        private At diverge(int pos, int step, List<Decision> taken, TraceFile.Event e, String reason, String recorded,
                           List<String> allowed) {
            if (pos > bestDepth) {
                bestDepth = pos;
                int line = e != null ? e.line() : (t.end != null ? t.end.line() : 0);
                best = new Divergence(step, line, reason, recorded, List.copyOf(allowed), Schedule.format(taken));
            }
            return At.CUT;
        }
    }

    /** A string as a JSON string literal: {@code "b got the lock\n"}. */
    static String quote(String s) {
        return Json.write(s);
    }
}
