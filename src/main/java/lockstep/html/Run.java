package lockstep.html;

import java.util.List;
import java.util.Map;

/**
 * A replayed run as a swimlane page draws it: one lane per task (then one for the loop's
 * callbacks), one row per decision, and how the run ended. Made by {@link Recording},
 * drawn by {@link SwimlanePage}.
 */
record Run(String file, String schedule, List<Lane> lanes, List<Row> rows, int stepsNotDrawn,
           String stdout, String stderr, int exit, List<String[]> violations) {

    /** The lane id of the loop's callbacks (tasks' lanes are their heap ids). */
    static final int CALLBACKS = -1;

    /** A lane: a task (its name and coroutine call, how it ended) or the loop's callbacks. */
    record Lane(int id, String name, String call, String end) {}

    /** What a row is: a handle the loop ran, a cancel() injected by the schedule, or the loop at rest. */
    enum Kind { STEP, CANCEL, QUIESCENT }

    /** A mark from a row's step to another lane it woke (a release, a notify, a set, a done-callback, a callback queued). */
    record Wake(int lane, String how) {}

    /** A primitive's state after a row: its name in the scenario, its repr, whether the row changed it. */
    record Prim(String name, String repr, boolean changed) {}

    /**
     * A task's state after a row: {@code kind} ready, blocked or done; {@code text} says
     * on what (at which line) or how; {@code on} what a blocked task waits on (Lock,
     * Condition, Event, Semaphore, BoundedSemaphore, task, gather, future); {@code stuck}
     * when it is blocked on a primitive at a row where a lost wakeup or deadlock holds.
     */
    record TaskState(String kind, String text, String on, boolean stuck) {}

    /**
     * One row: its step number (0 for a cancel or the loop at rest), the decision, the lane
     * that ran, what it did, the scenario lines it ran ({@code from} to {@code line}, the
     * line it reached; 0: none) and their text, the lanes it woke, the virtual time
     * (and whether it moved), the primitives, every task's state, the violations that first
     * hold here, and what it printed.
     */
    record Row(Kind kind, int step, String decision, int lane, String what, int from, int line, List<String> source, List<Wake> wakes,
               double time, boolean timeMoved, List<Prim> prims, Map<Integer, TaskState> tasks,
               List<String[]> violations, String printed) {}
}
