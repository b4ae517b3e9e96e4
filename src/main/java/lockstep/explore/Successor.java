package lockstep.explore;

import lockstep.sched.Runner;
import lockstep.vm.Canon;
import lockstep.vm.Footprint;
import lockstep.vm.Machine;

import java.util.ArrayList;
import java.util.List;

/**
 * What one decision taken at a copied choice point leads to: the run at the next choice
 * point (or ended), the footprint of the decision's step, the violations the monitors
 * reported on the way, and the fingerprint of the next state with the names of its moves.
 * It is a function of the copy and the decision alone, so any thread may compute it
 * ({@link StatefulSearch}, {@code --threads}): the report does not depend on which did.
 */
final class Successor implements Runner.Chooser {

    final Runner runner;
    /** Whether a choice point is pending in {@link #runner} (else the run ended). */
    boolean pending;
    Footprint footprint;
    /** The violations found during the decision, in order (a list is made at the first). */
    List<Monitors.Breach> violations = List.of();
    /**
     * At the next choice point: its fingerprint, the names of its ready handles (queue order),
     * and the tasks an injected cancel may hit with their names (none when no cancel is left).
     */
    long fingerprint;
    long[] handleNames;
    long[] taskNames;
    int ready;
    List<Integer> cancellable;

    private final boolean footprints;
    private final boolean batchBlind;
    private int seen;

    private Successor(Runner runner, boolean footprints, boolean batchBlind) {
        this.runner = runner;
        this.footprints = footprints;
        this.batchBlind = batchBlind;
        this.seen = Monitors.of(runner.machine()).violations.size();
    }

    /**
     * Takes decision {@code code} (a ready index, or {@code ready + k} for a cancel) in a copy
     * of {@code at}; names the next state with {@code canon} ({@code cancelsAfter} is the
     * search's own part of it), and its cancellable tasks if {@code cancelsLeft}; checks the
     * step as a {@code batchBlind} search does.
     */
    static Successor of(Runner at, int code, boolean footprints, boolean batchBlind, int cancelsAfter, boolean cancelsLeft,
                        Canon canon) {
        return take(at.copy(), code, footprints, batchBlind, cancelsAfter, cancelsLeft, canon);
    }

    /** As {@link #of}, but takes the decision in {@code run} itself, not in a copy. */
    static Successor take(Runner run, int code, boolean footprints, boolean batchBlind, int cancelsAfter, boolean cancelsLeft,
                          Canon canon) {
        Successor s = new Successor(run, footprints, batchBlind);
        Machine m = s.runner.machine();
        if (footprints) Recorder.startFootprint(m, code, m.readyCount());
        int before = run.steps();
        s.pending = s.runner.take(code, s);
        s.collect(m);
        s.steps = s.runner.steps() - before;
        if (s.pending) s.name(canon, cancelsAfter, cancelsLeft);
        else s.outcome = Explorer.outcome(run.result());
        return s;
    }

    /** A run at its start, run to its first choice point (named with {@code canon}, no cancel used yet). */
    static Successor begin(Runner start, boolean batchBlind, boolean cancelsLeft, Canon canon) {
        Successor s = new Successor(start, false, batchBlind);
        s.pending = start.begin(s);
        s.collect(start.machine());
        s.steps = start.steps();
        if (s.pending) s.name(canon, 0, cancelsLeft);
        else s.outcome = Explorer.outcome(start.result());
        return s;
    }

    /** When the run ended: its outcome ({@link Explorer#outcome}), made by the thread that took the decision. */
    List<Object> outcome;
    /** Handles run by the decision (and up to the next choice point). */
    int steps;
    /** With a canon that keeps states ({@link Canon#keepStates}): the state behind {@link #fingerprint}. */
    long[] state;

    private void name(Canon canon, int cancelsAfter, boolean cancelsLeft) {
        Machine m = runner.machine();
        fingerprint = canon.fingerprint(m, cancelsAfter);
        if (canon.keepsStates()) state = canon.lastState();
        ready = m.readyCount();
        handleNames = new long[ready];
        for (int i = 0; i < ready; i++) handleNames[i] = canon.handleName(i);
        cancellable = cancelsLeft ? runner.cancellableTasks() : List.of();
        taskNames = new long[cancellable.size()];
        for (int k = 0; k < taskNames.length; k++) taskNames[k] = canon.taskName(cancellable.get(k));
    }

    @Override public int choose(Machine m, int ready, List<Integer> cancellable) {
        throw new IllegalStateException("a successor takes one decision");
    }

    @Override public void afterStep(Machine m, Machine.Callback ran) {
        endStep(m);
        collect(m);
    }

    @Override public void afterCancel(Machine m) { endStep(m); }

    @Override public void quiescent(Machine m) { collect(m); }

    private void endStep(Machine m) {
        Footprint fp = SleepSetDfs.endOfStep(m, batchBlind);
        if (footprints) footprint = fp;
    }

    /** Takes the monitors' new violations, also those they found after the last step (at the end of main, say). */
    private void collect(Machine m) {
        List<Monitors.Breach> all = Monitors.of(m).violations;
        if (seen == all.size()) return;
        if (violations.isEmpty()) violations = new ArrayList<>();
        while (seen < all.size()) violations.add(all.get(seen++));
    }
}
