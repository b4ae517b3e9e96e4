package lockstep.explore;

import lockstep.explore.Schedule.Decision;
import lockstep.vm.Machine;

import java.util.List;

/**
 * Watches a replayed run step by step, with the machine in hand (the swimlane pages of
 * {@code lockstep.html} are drawn from it). It only looks: it never changes the run.
 * Violations are {kind, message} pairs, given at the point the invariants first saw them.
 */
public interface StepListener {

    /** At a choice point, before decision {@code d} is applied; {@code cancelTask} is the task an injected cancel hits (else -1). */
    void deciding(Machine m, Decision d, int cancelTask);

    /** After the decision was applied: handle {@code ran} ran (null: a cancel was injected). */
    void applied(Machine m, Machine.Callback ran, List<String[]> violations);

    /** Nothing is ready (before the clock moves, or at a deadlock): the at-rest invariants were checked. */
    void quiescent(Machine m, List<String[]> violations);
}
