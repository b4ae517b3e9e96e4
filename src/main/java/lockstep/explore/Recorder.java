package lockstep.explore;

import lockstep.explore.Schedule.Decision;
import lockstep.sched.Runner;
import lockstep.vm.Footprint;
import lockstep.vm.Machine;
import lockstep.vm.Observer;

import java.util.ArrayList;
import java.util.List;

/**
 * The chooser of one explored run: follows a schedule prefix, then asks a {@link Policy}
 * for each new choice point; records every decision taken (the run's schedule) and every
 * invariant violation with the schedule that led to it.
 */
final class Recorder implements Runner.Chooser {

    /** Decides at a choice point beyond the prefix: an index below ready, or ready + k to cancel. */
    interface Policy {
        int decide(Machine m, int ready, int cancellable, Recorder r);

        /** Whether {@link #stepped} wants the footprint of every decision (partial-order reduction). */
        default boolean wantsFootprints() { return false; }

        /** The footprint of decision number {@code pos}, once it has run (null: unknown, treat as touching everything). */
        default void stepped(int pos, Footprint fp) {}

        /** Whether the run is part of a batch-blind search, which checks every step ({@link SleepSetDfs#endOfStep}). */
        default boolean batchBlind() { return false; }

        /** After each handle ran: false cuts the run (a goal-directed search, see {@link Explorer.Goal#stepped}). */
        default boolean keepsOn(Machine m, Machine.Callback ran, List<Decision> taken) { return true; }
    }

    /** A violation seen during the run ({@link Monitors.Breach}), with the decisions taken up to it. */
    record Found(String kind, String cause, String message, List<Decision> schedule) {}

    /** Thrown when the prefix does not fit the run (an index beyond the ready queue). */
    static final class Misfit extends RuntimeException {
        Misfit(String msg) { super(msg, null, false, false); }
    }

    final List<Decision> prefix;
    final Policy policy;
    final int maxCancels;
    final List<Decision> taken = new ArrayList<>();
    final List<Found> found = new ArrayList<>();
    int cancelsUsed;
    /** Set when a goal-directed search found that the run so far is what it looks for (the run is then cut). */
    boolean reachedEarly;
    /** The tasks an injected cancel may hit at the current choice point, in creation order. */
    List<Integer> cancellableNow = List.of();
    private int seen;
    final Trace trace;
    /** The run this recorder decides for (the exhaustive search copies it at choice points). */
    Runner runner;

    Recorder(List<Decision> prefix, Policy policy, int maxCancels, Trace trace) {
        this.prefix = prefix;
        this.policy = policy;
        this.maxCancels = maxCancels;
        this.trace = trace;
    }

    /**
     * A recorder for a run resumed at choice point {@code at} of an earlier run, whose
     * recorder {@code earlier} took the same decisions up to there: what it recorded up to
     * that point is taken over ({@code foundAt} violations, {@code cancelsUsed} cancels).
     */
    Recorder(List<Decision> prefix, Policy policy, int maxCancels, Recorder earlier, Runner resumed, int at, int foundAt,
             int cancelsUsed) {
        this(prefix, policy, maxCancels, null);
        taken.addAll(earlier.taken.subList(0, at));
        found.addAll(earlier.found.subList(0, foundAt));
        this.cancelsUsed = cancelsUsed;
        this.runner = resumed;
        this.seen = Monitors.of(resumed.machine()).violations.size();
    }

    @Override public int choose(Machine m, int ready, List<Integer> cancellable) {
        int canCancel = cancelsUsed < maxCancels ? cancellable.size() : 0;
        int pos = taken.size();
        int code;
        if (pos < prefix.size()) {
            Decision d = prefix.get(pos);
            if (d.cancel()) {
                if (d.index() >= cancellable.size())
                    throw new Misfit("decision " + (pos + 1) + " (" + d + "): only " + cancellable.size() + " cancellable tasks");
                code = ready + d.index();
            } else {
                if (d.index() >= ready)
                    throw new Misfit("decision " + (pos + 1) + " (" + d + "): only " + ready + " ready handles");
                code = d.index();
            }
        } else {
            cancellableNow = cancellable;
            code = policy.decide(m, ready, canCancel, this);
        }
        Decision d = code < ready ? new Decision(false, code) : new Decision(true, code - ready);
        taken.add(d);
        if (trace != null) trace.before(m);
        if (d.cancel()) {
            cancelsUsed++;
            if (trace != null) trace.cancel(m, cancellable.get(d.index()));
        }
        if (policy.wantsFootprints()) startFootprint(m, code, ready);
        return code;
    }

    @Override public void afterStep(Machine m, Machine.Callback ran) {
        if (trace != null) trace.step(m, ran, taken.get(taken.size() - 1));
        endStep(m);
        collect(m);
        if (!policy.keepsOn(m, ran, taken)) throw new Runner.Cut();
    }

    @Override public void afterCancel(Machine m) {
        if (trace != null) trace.cancelled(m);
        endStep(m);
    }

    private void endStep(Machine m) {
        Footprint fp = SleepSetDfs.endOfStep(m, policy.batchBlind());
        if (fp != null) policy.stepped(taken.size() - 1, fp);
    }

    /**
     * Starts recording the footprint of decision {@code code}: an injected cancel spends the
     * cancel budget; a handle reads its own handle object (a cancel of it conflicts).
     */
    static void startFootprint(Machine m, int code, int ready) {
        Footprint fp = new Footprint();
        if (code >= ready) fp.write(Footprint.CANCELS);
        else if (m.peekReady(code).handle() >= 0) fp.read(m.peekReady(code).handle());
        m.recordFootprint(fp);
    }

    /** Each run is watched by its own {@link Monitors}. */
    @Override public Observer observer() { return new Monitors(); }

    @Override public void quiescent(Machine m) { collect(m); }

    /** Takes the monitors' new violations, each once, where it first holds (and shows it in the trace there). */
    private void collect(Machine m) {
        List<Monitors.Breach> violations = Monitors.of(m).violations;
        while (seen < violations.size()) {
            Monitors.Breach v = violations.get(seen++);
            found.add(new Found(v.kind(), v.cause(), v.message(), List.copyOf(taken)));
            if (trace != null) trace.violation(v.kind(), v.message());
        }
    }
}
