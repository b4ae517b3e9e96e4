package lockstep.explore;

import lockstep.explore.Recorder.Found;
import lockstep.explore.Schedule.Decision;
import lockstep.sched.Runner;
import lockstep.vm.Program;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks the schedule of a violation to the shortest one that still shows the same cause
 * ({@link Monitors.Breach}), in {@link Explorer#shorter}'s order: first every schedule with a
 * single deviation from CPython's order (one non-head choice or one cancel, within the
 * violation's steps), then greedily fewer decisions, fewer cancels, fewer preemptions, to a
 * fixed point — within a budget of runs. The message shown is that of the schedule kept.
 */
final class Shrinker {
    private final Program program;
    private final int maxCancels;
    private final int maxSteps;
    private int budget = 3000;

    Shrinker(Program program, int maxCancels, int maxSteps) {
        this.program = program;
        this.maxCancels = maxCancels;
        this.maxSteps = maxSteps;
    }

    /** The shortest schedule found that shows {@code v}'s cause, with the message it shows there. */
    Found shrink(Found v) {
        Found best = new Found(v.kind(), v.cause(), v.message(), trimmed(v.schedule()));
        if (Explorer.deviations(best.schedule()) > 0) best = oneDeviation(best);
        boolean changed = true;
        while (changed && budget > 0) {
            changed = false;
            for (int len = 0; len < best.schedule().size(); len++) {
                Found f = reproduce(best, best.schedule().subList(0, len));
                if (f != null) { best = f; changed = true; break; }
            }
            for (int i = best.schedule().size() - 1; i >= 0 && budget > 0; i--) {
                Decision d = best.schedule().get(i);
                List<Decision> c = new ArrayList<>(best.schedule());
                if (d.cancel()) c.remove(i);
                else if (d.index() != 0) c.set(i, Decision.HEAD);
                else continue;
                Found f = reproduce(best, c);
                if (f != null) { best = f; changed = true; i = Math.min(i, best.schedule().size()); }
            }
            for (int i = best.schedule().size() - 1; i >= 0 && budget > 0; i--) {
                List<Decision> c = new ArrayList<>(best.schedule());
                c.remove(i);
                Found f = reproduce(best, c);
                if (f != null) { best = f; changed = true; i = Math.min(i, best.schedule().size()); }
            }
        }
        return best;
    }

    /**
     * Every schedule of one deviation at a position before the violation's end: the first
     * (earliest, lowest index) that shows the cause, or {@code v}. Ready handles up to 8 and
     * the cancellable tasks are tried at each position.
     */
    private Found oneDeviation(Found v) {
        int end = v.schedule().size();
        for (int pos = 0; pos < end && budget > 0; pos++) {
            List<Decision> alternatives = new ArrayList<>();
            for (int k = 0; k < maxCancels && k < 8; k++) alternatives.add(new Decision(true, k));
            for (int i = 1; i < 8; i++) alternatives.add(new Decision(false, i));
            for (Decision d : alternatives) {
                if (budget <= 0) break;
                List<Decision> c = new ArrayList<>(java.util.Collections.nCopies(pos, Decision.HEAD));
                c.add(d);
                Found f = reproduce(v, c);
                if (f != null) return f;
            }
        }
        return v;
    }

    static List<Decision> trimmed(List<Decision> s) {
        int end = s.size();
        while (end > 0 && s.get(end - 1).equals(Decision.HEAD)) end--;
        return List.copyOf(s.subList(0, end));
    }

    /** {@code v}'s cause as schedule {@code schedule} shows it (trimmed), if it does and the schedule is shorter; else null. */
    private Found reproduce(Found v, List<Decision> schedule) {
        List<Decision> s = trimmed(schedule);
        if (!Explorer.shorter(s, v.schedule())) return null;
        Found f = run(v.cause(), s);
        return f == null ? null : new Found(v.kind(), v.cause(), f.message(), s);
    }

    /** The first violation of {@code cause} that {@code schedule} shows, or null. */
    Found run(String cause, List<Decision> schedule) {
        budget--;
        Recorder r = new Recorder(schedule, (m, ready, c, rec) -> 0, maxCancels, null);
        Runner.Result res;
        try {
            res = Runner.run(program, r, maxSteps);
        } catch (Recorder.Misfit e) {
            return null;
        }
        for (Found f : r.found) if (f.cause().equals(cause)) return f;
        Found end = Explorer.ending(res, schedule);
        return end != null && end.cause().equals(cause) ? end : null;
    }
}
