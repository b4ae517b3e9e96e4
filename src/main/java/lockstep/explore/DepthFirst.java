package lockstep.explore;

/**
 * An exhaustive depth-first search over the choice points of a program's runs: it decides
 * each new choice point as a {@link Recorder.Policy}, and after each run names the next one.
 */
interface DepthFirst extends Recorder.Policy {

    /**
     * After run {@code r}: the next run, which resumes a copy of the run at a choice point
     * of the current path and takes a move not yet explored there; null when the search is done.
     */
    Recorder backtrack(Recorder r);

    /** The states the search counts (see each search). */
    long states();

    /** Choice points on the current path that still have moves to explore. */
    long frontier();

    /** The search is over. */
    default void close() {}
}
