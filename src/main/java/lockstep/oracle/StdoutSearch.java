package lockstep.oracle;

import lockstep.Lockstep;
import lockstep.explore.Explorer;
import lockstep.explore.Schedule;
import lockstep.explore.Schedule.Decision;
import lockstep.sched.Runner;
import lockstep.vm.Machine;
import lockstep.vm.Program;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Searches the model's schedules for a run that prints exactly a given stdout (addresses
 * masked) and ends with a given exit code: explore's exhaustive search (partial-order
 * reduction, state cache, optionally injected cancellations) with a goal that cuts a run as
 * soon as its stdout stops being a prefix of the wanted one.
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
        Wanted w = new Wanted(stdout == null ? "" : Lockstep.maskAddresses(stdout), stdout == null, exit);
        Explorer.Sought s = new Explorer(p, new Explorer.Options(Explorer.Strategy.EXHAUSTIVE, 0, 3, o.cancels(), o.maxSchedules(),
                o.maxSteps(), o.timeLimitSeconds(), false, System.err)).seek(w);
        if (s.schedule() != null) {
            return new Result(Status.FOUND, s.schedule(), s.schedules(), o.cancels(), null, null, List.of(), null, null);
        }
        if (s.bound() == null) return w.failure(Status.IMPOSSIBLE, s.schedules(), o.cancels(), null);
        return w.failure(Status.UNDECIDED, s.schedules(), o.cancels(), bound(s.bound(), o));
    }

    /** The bound that stopped a search, with its value. */
    private static String bound(String bound, Options o) {
        return switch (bound) {
            case "max-schedules" -> "max-schedules (" + o.maxSchedules() + ")";
            case "time-limit" -> "time-limit (" + o.timeLimitSeconds() + " s)";
            case "max-steps" -> "max-steps (" + o.maxSteps() + " handles in one run)";
            default -> bound;
        };
    }

    /** The goal: the wanted stdout and exit; it remembers the runs that followed it longest. */
    private static final class Wanted implements Explorer.Goal {
        final String target;
        final boolean anyStdout;
        final Integer exit;
        int best = -1;                                   // longest common prefix with the target
        final Set<String> alternatives = new LinkedHashSet<>();
        String closest = "";

        Wanted(String target, boolean anyStdout, Integer exit) {
            this.target = target;
            this.anyStdout = anyStdout;
            this.exit = exit;
        }

        @Override public At choicePoint(Machine m, int ready, List<Integer> cancellable, List<Decision> taken) {
            if (anyStdout) return At.GO_ON;
            String out = Lockstep.maskAddresses(m.stdout());
            if (target.startsWith(out)) return At.GO_ON;
            note(out, null, taken);
            return At.CUT;
        }

        @Override public boolean reached(Runner.Result res, List<Decision> schedule) {
            if (res.exit() == 4) return false;
            String out = Lockstep.maskAddresses(res.stdout());
            if ((anyStdout || out.equals(target)) && (exit == null || exit == res.exit())) return true;
            note(out, res.exit(), schedule);
            return false;
        }

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

        Result failure(Status st, long schedules, int cancels, String bound) {
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
            return new Result(st, null, schedules, cancels, reason, recordedNext, List.copyOf(alternatives), closest, bound);
        }

        static String lineAt(String s, int start) {
            int end = s.indexOf('\n', start);
            return end < 0 ? s.substring(start) : s.substring(start, end + 1);
        }
    }
}
