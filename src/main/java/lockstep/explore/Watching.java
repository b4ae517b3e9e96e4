package lockstep.explore;

import lockstep.sched.Runner;
import lockstep.vm.Machine;
import lockstep.vm.Observer;

import java.util.List;

/** A {@link Recorder} that also tells a {@link StepListener} each decision, step and quiescence, with the violations found there. */
final class Watching implements Runner.Chooser {
    private final Recorder r;
    private final StepListener listener;
    private int reported;

    Watching(Recorder r, StepListener listener) {
        this.r = r;
        this.listener = listener;
    }

    @Override public int choose(Machine m, int ready, List<Integer> cancellable) {
        int code = r.choose(m, ready, cancellable);
        listener.deciding(m, r.taken.get(r.taken.size() - 1), code < ready ? -1 : cancellable.get(code - ready));
        return code;
    }

    @Override public void afterStep(Machine m, Machine.Callback ran) {
        r.afterStep(m, ran);
        listener.applied(m, ran, fresh());
    }

    @Override public void afterCancel(Machine m) {
        r.afterCancel(m);
        listener.applied(m, null, fresh());
    }

    @Override public void quiescent(Machine m) {
        r.quiescent(m);
        listener.quiescent(m, fresh());
    }

    @Override public Observer observer() { return r.observer(); }

    /** The violations recorded since the last report. */
    private List<String[]> fresh() {
        List<Recorder.Found> f = r.found.subList(reported, r.found.size());
        reported = r.found.size();
        return f.stream().map(x -> new String[]{x.kind(), x.message()}).toList();
    }
}
