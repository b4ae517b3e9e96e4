package lockstep.explore;

import lockstep.explore.SleepSetDfs.Move;
import lockstep.vm.Footprint;

import java.util.Arrays;

/**
 * Moves, each with the footprint it had when taken: a sleep set, or the moves done at a
 * choice point. There are few (about one per task), so two arrays looked through in order
 * serve better than a hash map; the order is the order of adding. {@link #EMPTY} is shared and
 * never added to.
 */
final class MoveSet {
    static final MoveSet EMPTY = new MoveSet(0);

    private Move[] moves;
    private Footprint[] footprints;
    private int size;

    MoveSet() { this(4); }

    private MoveSet(int capacity) {
        moves = new Move[capacity];
        footprints = new Footprint[capacity];
    }

    boolean isEmpty() { return size == 0; }

    int size() { return size; }

    Move move(int i) { return moves[i]; }

    Footprint footprint(int i) { return footprints[i]; }

    boolean contains(Move mv) {
        for (int i = 0; i < size; i++) if (moves[i].equals(mv)) return true;
        return false;
    }

    /** Adds {@code mv} with footprint {@code fp}, or gives it that footprint if it is in already. */
    void put(Move mv, Footprint fp) {
        if (this == EMPTY) throw new UnsupportedOperationException("the empty move set is shared");
        for (int i = 0; i < size; i++) {
            if (moves[i].equals(mv)) {
                footprints[i] = fp;
                return;
            }
        }
        add(mv, fp);
    }

    /** Adds {@code mv}, which is not in, with footprint {@code fp}. */
    void add(Move mv, Footprint fp) {
        if (this == EMPTY) throw new UnsupportedOperationException("the empty move set is shared");
        if (size == moves.length) {
            moves = Arrays.copyOf(moves, Math.max(4, size * 2));
            footprints = Arrays.copyOf(footprints, moves.length);
        }
        moves[size] = mv;
        footprints[size++] = fp;
    }
}
