package lockstep.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The visited states of an exhaustive search, as TLC keeps them: a 64-bit fingerprint
 * per state in an open-addressing table (linear probing, at most three quarters full), with the
 * sleep set the state was explored with. Sleep sets are few and repeat (a few hundred in the
 * bench's searches of a million states), so they are interned and the table holds their
 * number in as few bytes as the count so far needs ({@link Ids}): 9 or 10 bytes a slot,
 * 12 past 65,535 sleep sets.
 * <p>
 * Two different states with the same fingerprint would make the search skip one of them;
 * {@link #collisionProbability} estimates the chance that this happened (Stern and Dill's
 * bound, as TLC reports it: n² / 2⁶⁵ for n states).
 */
final class FingerprintSet {

    private static final long EMPTY = 0;
    /** An unknown fingerprint: {@link #get} returns it for a state never seen. */
    static final int ABSENT = -1;

    private long[] keys;
    private Ids values;
    private int size;
    private final List<long[]> sleepSets = new ArrayList<>();
    private final Map<SleepKey, Integer> sleepIds = new HashMap<>();

    private record SleepKey(long[] moves) {
        @Override public boolean equals(Object o) { return o instanceof SleepKey k && Arrays.equals(k.moves, moves); }
        @Override public int hashCode() { return Arrays.hashCode(moves); }
    }

    FingerprintSet() {
        keys = new long[FIRST_SLOTS]; // grown as states come: a search of a few hundred states keeps a table its size
        values = new Ids(keys.length, 1);
        intern(new long[0]);
    }

    int size() { return size; }

    /** Bytes the table and the interned sleep sets take now. */
    long bytes() {
        long b = (long) keys.length * (Long.BYTES + values.width);
        for (long[] s : sleepSets) b += setBytes(s);
        return b;
    }

    /**
     * The bytes a set that saw {@code states} states stored, with {@code sets} distinct sleep
     * sets interned ({@code setBytes}: their {@link #setBytes} in all, the empty one's included),
     * takes: what {@link #bytes} says of it, worked out from those figures alone.
     */
    static long bytes(long states, int sets, long setBytes) {
        long slots = FIRST_SLOTS;
        while (overFull(states, slots)) slots *= 2;
        return slots * (Long.BYTES + Ids.widthFor(sets)) + setBytes;
    }

    /** The slots a table starts with. */
    private static final int FIRST_SLOTS = 1 << 6;

    /** Whether {@code states} fill more than three quarters of {@code slots}: the table grows. */
    private static boolean overFull(long states, long slots) { return states * 4 > slots * 3; }

    /** The bytes an interned sleep set takes: the array and its entry in the table of interned sets. */
    static long setBytes(long[] sleep) { return 16 + 8L * sleep.length + 48; }

    /**
     * The distinct sleep sets of several sets' stores, gathered by content: how many, and the
     * bytes they take, as one set that saw every one of those stores would count them
     * ({@link #bytes(long, int, long)}; the empty one is always there).
     */
    static final class Union {
        private final java.util.Set<SleepKey> sets = new java.util.HashSet<>();
        private long bytes;

        Union() { add(new long[0]); }

        void add(long[] sleep) {
            if (sets.add(new SleepKey(sleep))) bytes += setBytes(sleep);
        }

        int size() { return sets.size(); }

        long bytes() { return bytes; }
    }

    /** Sleep set number {@code id} (as {@link #put} returned it). */
    long[] sleepSet(int id) { return sleepSets.get(id); }

    /** The sleep set stored with {@code fp} (sorted move names), or null when the state was never visited. */
    long[] get(long fp) {
        int i = slot(fp);
        return keys[i] == EMPTY ? null : sleepSets.get(values.get(i));
    }

    /** Stores (or replaces) the sleep set of {@code fp}; {@code sleep} must be sorted. Returns the sleep set's number here. */
    int put(long fp, long[] sleep) {
        int id = intern(sleep);
        store(key(fp), id);
        return id;
    }

    /**
     * Adds the states of {@code other}, a set kept apart for a part of the search that no
     * state of this one was visited in since (their sleep sets replace any stored here), and
     * the sleep sets it interned, so that the figures are those of one set that saw every put.
     */
    void absorb(FingerprintSet other) {
        int[] ids = new int[other.sleepSets.size()];
        for (int j = 0; j < ids.length; j++) ids[j] = intern(other.sleepSets.get(j));
        int mask = other.keys.length - 1;
        for (int k = 0, j = 0; k <= mask; k++, j = (j + SCATTER) & mask) {
            long key = other.keys[j];
            if (key == EMPTY) continue;
            int ownMask = keys.length - 1;
            absorbProbes += (store(key, ids[other.values.get(j)]) - home(key, ownMask)) & ownMask;
        }
    }

    /** Slots passed over by the stores of {@link #absorb} so far, in all. */
    long absorbProbes() { return absorbProbes; }

    private long absorbProbes;

    /**
     * The stride (odd, so every slot is reached) at which {@link #absorb} reads the other
     * table. Read in slot order, its keys come sorted by their home's low bits; into a table
     * smaller than that one, they would fill it from one end, each landing after the run the
     * ones before it made: probes by the billion (a part of 1.4 million states, measured;
     * the search on 2 threads took longer than on 1).
     */
    private static final int SCATTER = 0x9E3779B1;

    /**
     * Stores sleep set number {@code id} with table key {@code key}, growing the table as
     * needed: the key's slot in the table as it was before.
     */
    private int store(long key, int id) {
        int i = slot(key);
        if (keys[i] == EMPTY) {
            keys[i] = key;
            size++;
        }
        values.set(i, id);
        if (overFull(size, keys.length)) grow();
        return i;
    }

    /** Stern and Dill's estimate of the probability that two visited states shared a fingerprint. */
    double collisionProbability() { return collisionProbability(size); }

    /** The same for a set of {@code states} states. */
    static double collisionProbability(long states) {
        return Math.min(1.0, (double) states * states / Math.pow(2, 65));
    }

    private int intern(long[] sleep) {
        if (sleep.length == 0 && !sleepSets.isEmpty()) return 0;
        return sleepIds.computeIfAbsent(new SleepKey(sleep), k -> {
            sleepSets.add(k.moves);
            int id = sleepSets.size() - 1;
            if (Ids.widthFor(id + 1) > values.width) values = values.widened(); // every number interned fits, stored or not
            return id;
        });
    }

    private static long key(long fp) { return fp == EMPTY ? 1 : fp; }

    private int slot(long fp) {
        long k = key(fp);
        int mask = keys.length - 1;
        int i = home(k, mask);
        while (keys[i] != EMPTY && keys[i] != k) i = (i + 1) & mask;
        return i;
    }

    /** The slot where probing for {@code key} starts. */
    private static int home(long key, int mask) { return (int) (key ^ (key >>> 29)) & mask; }

    private void grow() {
        long[] oldKeys = keys;
        Ids oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Ids(keys.length, oldValues.width);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] == EMPTY) continue;
            int i = slot(oldKeys[j]);
            keys[i] = oldKeys[j];
            values.set(i, oldValues.get(j));
        }
    }

    /**
     * The interned sleep set number of each slot, in 1, 2 or 4 bytes, widened when a number
     * no longer fits.
     */
    private static final class Ids {
        final int width;
        private final byte[] b;
        private final short[] s;
        private final int[] i;

        Ids(int n, int width) {
            this.width = width;
            b = width == 1 ? new byte[n] : null;
            s = width == 2 ? new short[n] : null;
            i = width == 4 ? new int[n] : null;
        }

        /** The width that holds {@code numbers} numbers, 0 to {@code numbers - 1}. */
        static int widthFor(int numbers) { return numbers <= 0x100 ? 1 : numbers <= 0x10000 ? 2 : 4; }

        int get(int k) { return width == 1 ? b[k] & 0xFF : width == 2 ? s[k] & 0xFFFF : i[k]; }

        void set(int k, int v) {
            if (width == 1) b[k] = (byte) v;
            else if (width == 2) s[k] = (short) v;
            else i[k] = v;
        }

        /** The same numbers in the next width. */
        Ids widened() {
            int n = width == 1 ? b.length : width == 2 ? s.length : i.length;
            Ids w = new Ids(n, width * 2);
            for (int k = 0; k < n; k++) w.set(k, get(k));
            return w;
        }
    }
}
