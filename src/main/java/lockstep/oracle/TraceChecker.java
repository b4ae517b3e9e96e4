package lockstep.oracle;

import lockstep.Lockstep;
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
 * the trace says it printed. When several ready handles match, each is tried in turn
 * (depth-first, re-running the model from the start). A trace of only the final stdout
 * is searched for with {@link StdoutSearch}.
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
        long started = System.nanoTime();
        List<Integer> picks = new ArrayList<>();
        Divergence best = null;
        int bestDepth = -1;
        long runs = 0;
        while (true) {
            if (runs >= o.maxSchedules() || (System.nanoTime() - started) / 1e9 > o.timeLimitSeconds()) {
                return new Result(Status.UNDECIDED, null, t.steps(), runs, best,
                        "stopped after " + runs + " runs: too many ways to match ambiguous steps");
            }
            runs++;
            Run r = new Run(p, t, picks);
            Runner.Result res = Runner.run(p, r, o.maxSteps());
            if (r.divergence == null) r.finish(res);
            if (r.divergence == null) {
                String note = r.prefixOnly ? "the trace has no final line: checked as a prefix of a run" : null;
                return new Result(Status.ALLOWED, Schedule.format(r.taken), t.steps(), runs, null, note);
            }
            if (r.depth > bestDepth) {
                bestDepth = r.depth;
                best = r.divergence;
            }
            // Depth-first: the deepest ambiguous step with an untried candidate.
            int i = r.ambiguity.size() - 1;
            while (i >= 0 && pick(picks, i) + 1 >= r.ambiguity.get(i)) i--;
            if (i < 0) return new Result(Status.DIVERGES, null, t.steps(), runs, best, null);
            List<Integer> next = new ArrayList<>();
            for (int j = 0; j < i; j++) next.add(pick(picks, j));
            next.add(pick(picks, i) + 1);
            picks = next;
        }
    }

    private static int pick(List<Integer> picks, int i) { return i < picks.size() ? picks.get(i) : 0; }

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

    /** One replay of the model along the trace. */
    private static final class Run implements Runner.Chooser {
        final Program p;
        final TraceFile t;
        final List<Integer> picks;
        final List<Integer> ambiguity = new ArrayList<>();
        final List<Decision> taken = new ArrayList<>();
        int pos;            // next trace event
        int step;           // handle runs matched so far
        TraceFile.Event current;
        int outMark;
        Divergence divergence;
        int depth;
        boolean prefixOnly;

        Run(Program p, TraceFile t, List<Integer> picks) {
            this.p = p;
            this.t = t;
            this.picks = picks;
        }

        @Override public int choose(Machine m, int ready, List<Integer> cancellable) {
            List<TraceFile.Event> ev = t.events;
            if (pos < ev.size() && ev.get(pos).cancel()) {
                TraceFile.Event e = ev.get(pos);
                List<String> names = new ArrayList<>();
                int k = -1;
                for (int i = 0; i < cancellable.size(); i++) {
                    String n = m.task(cancellable.get(i)).t().name();
                    names.add("cancel " + n);
                    if (n.equals(e.task()) && k < 0) k = i;
                }
                if (k < 0) {
                    List<String> allowed = new ArrayList<>(describeReady(m, ready));
                    allowed.addAll(names);
                    diverge(pos, step + 1, e, "the trace cancels " + e.task() + ", which is not a pending task that can be cancelled here",
                            e.describe(), allowed);
                }
                pos++;
                taken.add(new Decision(true, k));
                return ready + k;
            }
            if (pos >= ev.size()) {
                if (t.end == null) {
                    prefixOnly = true;
                    throw new Runner.Cut();
                }
                diverge(pos, step + 1, null, "the trace ends (line " + t.end.line() + ") but 3.12 still has handles to run",
                        "end of the trace", describeReady(m, ready));
            }
            TraceFile.Event e = ev.get(pos);
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < ready; i++) {
                HandleInfo h = HandleInfo.of(m, p, m.peekReady(i));
                if (h.matches(e.kind(), e.task(), e.func())) candidates.add(i);
            }
            if (candidates.isEmpty()) {
                diverge(pos, step + 1, e, "3.12 has no such handle ready", e.describe(), describeReady(m, ready));
            }
            int pick = 0;
            if (candidates.size() > 1) {
                pick = pick(picks, ambiguity.size());
                ambiguity.add(candidates.size());
            }
            int index = candidates.get(pick);
            current = e;
            outMark = m.stdout().length();
            pos++;
            step++;
            taken.add(new Decision(false, index));
            return index;
        }

        @Override public void afterStep(Machine m, Machine.Callback ran) {
            TraceFile.Event e = current;
            if (e.stdout() != null) {
                String printed = m.stdout().substring(outMark);
                if (!Lockstep.maskAddresses(printed).equals(Lockstep.maskAddresses(e.stdout()))) {
                    diverge(pos - 1, step, e, "the handle runs, but 3.12 prints something else in it",
                            e.describe() + " printing " + quote(e.stdout()),
                            List.of(HandleInfo.of(m, p, ran) + " printing " + quote(printed)));
                }
            }
            if (e.time() != null && Math.abs(m.time() - e.time()) > 1e-9 * Math.max(1, Math.abs(e.time()))) {
                diverge(pos - 1, step, e, "the handle runs at another virtual time in 3.12",
                        e.describe() + " at time " + e.time(), List.of(HandleInfo.of(m, p, ran) + " at time " + m.time()));
            }
        }

        /** After a run that was not cut: the trace must end where 3.12's run ends. */
        void finish(Runner.Result res) {
            if (res.cut()) return;
            if (pos < t.events.size()) {
                TraceFile.Event e = t.events.get(pos);
                record(pos, step + 1, e, "3.12's run ends here (exit " + res.exit() + ") but the trace goes on", e.describe(),
                        List.of("end of the run (exit " + res.exit() + ")"));
                return;
            }
            if (t.end == null) return;
            if (t.end.stdout() != null && !Lockstep.maskAddresses(t.end.stdout()).equals(Lockstep.maskAddresses(res.stdout()))) {
                record(t.events.size(), 0, null, "the run's whole stdout differs from 3.12's (output printed outside the loop's handles)",
                        quote(t.end.stdout()), List.of(quote(res.stdout())));
                return;
            }
            if (t.end.exit() != null && t.end.exit() != res.exit()) {
                record(t.events.size(), 0, null, "the run ends with another exit code in 3.12",
                        "exit " + t.end.exit(), List.of("exit " + res.exit()));
            }
        }

        private List<String> describeReady(Machine m, int ready) {
            List<String> l = new ArrayList<>();
            for (int i = 0; i < ready; i++) l.add(HandleInfo.of(m, p, m.peekReady(i)).toString());
            return l;
        }

        private void diverge(int eventIndex, int stepNo, TraceFile.Event e, String reason, String recorded, List<String> allowed) {
            record(eventIndex, stepNo, e, reason, recorded, allowed);
            throw new Runner.Cut();
        }

        private void record(int eventIndex, int stepNo, TraceFile.Event e, String reason, String recorded, List<String> allowed) {
            int line = e != null ? e.line() : (t.end != null ? t.end.line() : 0);
            depth = eventIndex;
            divergence = new Divergence(stepNo, line, reason, recorded, List.copyOf(allowed), Schedule.format(taken));
        }
    }

    /** A string as a JSON string literal: {@code "b got the lock\n"}. */
    static String quote(String s) {
        return Json.write(s);
    }
}
