package lockstep.sched;

import lockstep.vm.Machine;
import lockstep.vm.TaskView;

/** The deadlock report: each pending task, with its coroutine, its line and what it waits on ({@link TaskView}). */
final class DeadlockReport {
    private DeadlockReport() {}

    static String describe(Machine m) {
        StringBuilder sb = new StringBuilder("deadlock: no task can make progress\n");
        for (int t : m.pendingTasks()) sb.append(TaskView.describe(m, t)).append('\n');
        return sb.toString();
    }
}
