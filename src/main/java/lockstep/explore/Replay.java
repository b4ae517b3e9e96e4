package lockstep.explore;

import lockstep.explore.Schedule.Decision;
import lockstep.sched.Runner;
import lockstep.vm.Program;

import java.io.PrintStream;
import java.util.List;

/** Replays one schedule; optionally prints a step-by-step trace. */
public final class Replay {
    private Replay() {}

    /**
     * The run's result and the invariant violations it showed ({kind, message, cause}, in order), or
     * a misfit message when the schedule does not fit the program.
     */
    public record Result(Runner.Result run, List<String[]> violations, String misfit) {}

    public static Result replay(Program p, List<Decision> schedule, PrintStream trace, int maxSteps) {
        return replay(p, schedule, trace, null, maxSteps);
    }

    /** Replays, telling {@code listener} every decision, step and quiescence of the run. */
    public static Result replayWatched(Program p, List<Decision> schedule, StepListener listener, int maxSteps) {
        return replay(p, schedule, null, listener, maxSteps);
    }

    private static Result replay(Program p, List<Decision> schedule, PrintStream trace, StepListener listener, int maxSteps) {
        int cancels = (int) schedule.stream().filter(Decision::cancel).count();
        Recorder r = new Recorder(schedule, (m, ready, c, rec) -> 0, cancels, trace == null ? null : new Trace(trace));
        try {
            Runner.Result run = Runner.run(p, listener == null ? r : new Watching(r, listener), maxSteps);
            List<String[]> vs = new java.util.ArrayList<>();
            for (Recorder.Found f : r.found) vs.add(new String[]{f.kind(), f.message(), f.cause()});
            return new Result(run, vs, null);
        } catch (Recorder.Misfit e) {
            return new Result(null, List.of(), e.getMessage());
        }
    }
}
