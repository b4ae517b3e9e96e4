package lockstep.oracle;

import lockstep.Lockstep;
import lockstep.explore.Schedule;
import lockstep.explore.Schedule.Decision;
import lockstep.sched.Runner;
import lockstep.vm.Canon;
import lockstep.vm.Machine;
import lockstep.vm.Program;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Searches the model's schedules (depth-first, every ready handle at every choice point,
 * optionally injected cancellations, states cached as explore's exhaustive strategy does)
 * for a run that prints exactly a given stdout (addresses masked) and ends with a given
 * exit code. A run is cut as soon as its stdout stops being a prefix of the wanted one.
 */
public final class StdoutSearch {
    private StdoutSearch() {}

    public record Options(int cancels, long maxSchedules, double timeLimitSeconds, int maxSteps) {}

    public enum Status { FOUND, IMPOSSIBLE, UNDECIDED }

    /**
     * @param schedule        a schedule that prints it (FOUND)
     * @param reason          otherwise: how far 3.12 can follow the recorded stdout
     * @param recordedNext    the recorded line where no schedule of 3.12 follows
     * @param alternatives    what 3.12 prints there instead (distinct, at most 8)
     * @param closestSchedule a schedule that follows the recorded stdout longest
     * @param bound           what stopped an UNDECIDED search
     */
    public record Result(Status status, String schedule, long schedules, int cancels, String reason, String recordedNext,
                         List<String> alternatives, String closestSchedule, String bound) {}

    public static Result search(Program p, String stdout, Integer exit, Options o) {
        return new Search(p, stdout == null ? "" : Lockstep.maskAddresses(stdout), stdout == null, exit, o).run();
    }

    private static final class Search {
        final Program p;
        final String target;
        final boolean anyStdout;
        final Integer exit;
        final Options o;
        final Set<Long> visited = new HashSet<>();
        final Canon canon = new Canon();
        final long started = System.nanoTime();
        long schedules;
        boolean hitStepLimit;
        int best = -1;                                   // longest common prefix with the target
        final Set<String> alternatives = new LinkedHashSet<>();
        String closest = "";

        Search(Program p, String target, boolean anyStdout, Integer exit, Options o) {
            this.p = p;
            this.target = target;
            this.anyStdout = anyStdout;
            this.exit = exit;
            this.o = o;
        }

        Result run() {
            List<Decision> prefix = List.of();
            while (true) {
                String bound = null;
                if (schedules >= o.maxSchedules()) bound = "max-schedules (" + o.maxSchedules() + ")";
                else if (elapsed() > o.timeLimitSeconds()) bound = "time-limit (" + o.timeLimitSeconds() + " s)";
                if (bound != null) return failure(Status.UNDECIDED, bound);
                Walk w = new Walk(prefix);
                Runner.Result res;
                try {
                    res = Runner.run(p, w, o.maxSteps());
                } catch (TimeUp t) {
                    return failure(Status.UNDECIDED, "time-limit (" + o.timeLimitSeconds() + " s)");
                }
                schedules++;
                if (!res.cut()) {
                    if (res.exit() == 4) {
                        hitStepLimit = true;
                    } else {
                        String out = Lockstep.maskAddresses(res.stdout());
                        boolean outOk = anyStdout || out.equals(target);
                        if (outOk && (exit == null || exit == res.exit())) {
                            return new Result(Status.FOUND, Schedule.format(w.taken), schedules, o.cancels(), null, null,
                                    List.of(), null, null);
                        }
                        note(out, res.exit(), w.taken);
                    }
                }
                prefix = next(w);
                if (prefix == null) {
                    return failure(hitStepLimit ? Status.UNDECIDED : Status.IMPOSSIBLE,
                            hitStepLimit ? "max-steps (" + o.maxSteps() + " handles in one run)" : null);
                }
            }
        }

        double elapsed() { return (System.nanoTime() - started) / 1e9; }

        /** A run that left the target (out is the masked stdout so far; exit null if the run goes on). */
        void note(String out, Integer runExit, List<Decision> taken) {
            int cp = 0;
            int n = Math.min(out.length(), target.length());
            while (cp < n && out.charAt(cp) == target.charAt(cp)) cp++;
            if (cp < best) return;
            if (cp > best) {
                best = cp;
                alternatives.clear();
                closest = Schedule.format(taken);
            }
            if (alternatives.size() >= 8) return;
            int lineStart = target.lastIndexOf('\n', cp - 1) + 1;
            if (cp < out.length()) alternatives.add(TraceChecker.quote(lineAt(out, lineStart)));
            else if (runExit != null && out.length() == target.length()) alternatives.add("the same stdout, but exit " + runExit);
            else if (runExit != null) alternatives.add("end of output (exit " + runExit + ")");
        }

        Result failure(Status st, String bound) {
            String recordedNext;
            String reason;
            if (best < 0) {
                recordedNext = TraceChecker.quote(target);
                reason = "no run of 3.12 was examined";
            } else {
                int lineStart = target.lastIndexOf('\n', best - 1) + 1;
                int lines = 0;
                for (int i = 0; i < lineStart; i++) if (target.charAt(i) == '\n') lines++;
                if (best >= target.length() && !anyStdout) {
                    recordedNext = "end of output" + (exit != null ? " (exit " + exit + ")" : "");
                    reason = "3.12 prints all of the recorded stdout, but never ends the run as recorded";
                } else {
                    recordedNext = TraceChecker.quote(lineAt(target, lineStart));
                    reason = "3.12 can print the first " + lines + " line" + (lines == 1 ? "" : "s")
                            + " of the recorded stdout, but never the next one";
                }
            }
            return new Result(st, null, schedules, o.cancels(), reason, recordedNext, List.copyOf(alternatives), closest, bound);
        }

        static String lineAt(String s, int start) {
            int end = s.indexOf('\n', start);
            return end < 0 ? s.substring(start) : s.substring(start, end + 1);
        }

        /** Depth-first: the deepest choice point with an untried alternative. */
        static List<Decision> next(Walk w) {
            for (int i = w.taken.size() - 1; i >= 0; i--) {
                int ready = w.alternatives.get(i) - w.cancellableAt.get(i);
                Decision d = w.taken.get(i);
                int code = (d.cancel() ? ready + d.index() : d.index()) + 1;
                if (code < w.alternatives.get(i)) {
                    List<Decision> p = new ArrayList<>(w.taken.subList(0, i));
                    p.add(code < ready ? new Decision(false, code) : new Decision(true, code - ready));
                    return p;
                }
            }
            return null;
        }

        static final class TimeUp extends RuntimeException {
            TimeUp() { super(null, null, false, false); }
        }

        /** One run: the prefix, then CPython's choice, cut where the stdout leaves the target or a state repeats. */
        final class Walk implements Runner.Chooser {
            final List<Decision> prefix;
            final List<Decision> taken = new ArrayList<>();
            final List<Integer> alternatives = new ArrayList<>();
            final List<Integer> cancellableAt = new ArrayList<>();
            int cancelsUsed;
            int checks;

            Walk(List<Decision> prefix) { this.prefix = prefix; }

            @Override public int choose(Machine m, int ready, List<Integer> cancellable) {
                int canCancel = cancelsUsed < o.cancels() ? cancellable.size() : 0;
                int pos = taken.size();
                int code;
                if (pos < prefix.size()) {
                    Decision d = prefix.get(pos);
                    code = d.cancel() ? ready + d.index() : d.index();
                } else {
                    if ((++checks & 255) == 0 && elapsed() > o.timeLimitSeconds()) throw new TimeUp();
                    if (!anyStdout) {
                        String out = Lockstep.maskAddresses(m.stdout());
                        if (!target.startsWith(out)) {
                            note(out, null, taken);
                            throw new Runner.Cut();
                        }
                    }
                    if (!visited.add(canon.fingerprint(m, cancelsUsed))) throw new Runner.Cut();
                    code = 0;
                }
                alternatives.add(ready + canCancel);
                cancellableAt.add(canCancel);
                Decision d = code < ready ? new Decision(false, code) : new Decision(true, code - ready);
                taken.add(d);
                if (d.cancel()) cancelsUsed++;
                return code;
            }
        }
    }
}
