package lockstep.explore;

import lockstep.Lockstep;
import lockstep.explore.Recorder.Found;
import lockstep.explore.Schedule.Decision;
import lockstep.sched.Runner;
import lockstep.vm.Program;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks the schedule of a violation: fewer decisions (the rest is CPython's FIFO),
 * fewer injected cancellations, fewer preemptions (non-head choices), as long as the
 * same violation (kind and message) still happens. Greedy, to a fixed point, within a
 * budget of runs.
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

    List<Decision> shrink(String kind, String message, List<Decision> schedule) {
        List<Decision> best = trimmed(schedule);
        boolean changed = true;
        while (changed && budget > 0) {
            changed = false;
            for (int len = 0; len < best.size(); len++) {
                List<Decision> c = best.subList(0, len);
                if (reproduces(kind, message, c)) { best = List.copyOf(c); changed = true; break; }
            }
            for (int i = best.size() - 1; i >= 0 && budget > 0; i--) {
                Decision d = best.get(i);
                List<Decision> c = new ArrayList<>(best);
                if (d.cancel()) c.remove(i);
                else if (d.index() != 0) c.set(i, Decision.HEAD);
                else continue;
                if (reproduces(kind, message, c)) { best = trimmed(c); changed = true; i = Math.min(i, best.size()); }
            }
            for (int i = best.size() - 1; i >= 0 && budget > 0; i--) {
                List<Decision> c = new ArrayList<>(best);
                c.remove(i);
                if (reproduces(kind, message, c)) { best = trimmed(c); changed = true; i = Math.min(i, best.size()); }
            }
        }
        return best;
    }

    private static List<Decision> trimmed(List<Decision> s) {
        int end = s.size();
        while (end > 0 && s.get(end - 1).equals(Decision.HEAD)) end--;
        return List.copyOf(s.subList(0, end));
    }

    boolean reproduces(String kind, String message, List<Decision> schedule) {
        budget--;
        Recorder r = new Recorder(schedule, (m, ready, c, rec) -> 0, maxCancels, null);
        Runner.Result res;
        try {
            res = Runner.run(program, r, maxSteps);
        } catch (Recorder.Misfit e) {
            return false;
        }
        String want = Lockstep.maskAddresses(message);
        for (Found f : r.found) if (f.kind().equals(kind) && Lockstep.maskAddresses(f.message()).equals(want)) return true;
        if (kind.equals("deadlock") && res.exit() == 3) return Lockstep.maskAddresses(Explorer.deadlockMessage(res.stderr())).equals(want);
        if (kind.equals("exception") && res.exit() == 1) return Lockstep.maskAddresses(Explorer.lastLine(res.stderr())).equals(want);
        return false;
    }
}
