package lockstep.core;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * An immutable list backed by an array. Every "modifying" method returns a new Vec
 * and leaves this one untouched, so states built from Vecs can be shared, cached and
 * compared freely. Equal contents compare and hash equal.
 */
public final class Vec<T> implements Iterable<T> {
    private static final Vec<?> EMPTY = new Vec<>(new Object[0]);
    private final Object[] items;
    private int hash;

    private Vec(Object[] items) { this.items = items; }

    @SuppressWarnings("unchecked")
    public static <T> Vec<T> of() { return (Vec<T>) EMPTY; }

    @SafeVarargs
    public static <T> Vec<T> of(T... items) { return items.length == 0 ? of() : new Vec<>(items.clone()); }

    /** Wraps an array the caller promises never to modify again. */
    public static <T> Vec<T> adopt(Object[] items) { return items.length == 0 ? of() : new Vec<>(items); }

    public static <T> Vec<T> copyOf(java.util.Collection<? extends T> items) { return adopt(items.toArray()); }

    public int size() { return items.length; }
    public boolean isEmpty() { return items.length == 0; }

    @SuppressWarnings("unchecked")
    public T get(int i) { return (T) items[i]; }

    public T first() { return get(0); }
    public T last() { return get(items.length - 1); }

    public Vec<T> append(T item) {
        Object[] a = Arrays.copyOf(items, items.length + 1);
        a[items.length] = item;
        return new Vec<>(a);
    }

    public Vec<T> set(int i, T item) {
        Object[] a = items.clone();
        a[i] = item;
        return new Vec<>(a);
    }

    public Vec<T> insert(int i, T item) {
        Object[] a = new Object[items.length + 1];
        System.arraycopy(items, 0, a, 0, i);
        a[i] = item;
        System.arraycopy(items, i, a, i + 1, items.length - i);
        return new Vec<>(a);
    }

    public Vec<T> removeAt(int i) {
        Object[] a = new Object[items.length - 1];
        System.arraycopy(items, 0, a, 0, i);
        System.arraycopy(items, i + 1, a, i, items.length - i - 1);
        return adopt(a);
    }

    /** Removes the first element equal to {@code item}; unchanged if absent. */
    public Vec<T> remove(T item) {
        int i = indexOf(item);
        return i < 0 ? this : removeAt(i);
    }

    public int indexOf(Object item) {
        for (int i = 0; i < items.length; i++) if (items[i].equals(item)) return i;
        return -1;
    }

    public boolean contains(Object item) { return indexOf(item) >= 0; }

    public Vec<T> subList(int from, int to) { return adopt(Arrays.copyOfRange(items, from, to)); }

    public Vec<T> concat(Vec<T> other) {
        if (other.isEmpty()) return this;
        if (isEmpty()) return other;
        Object[] a = Arrays.copyOf(items, items.length + other.items.length);
        System.arraycopy(other.items, 0, a, items.length, other.items.length);
        return new Vec<>(a);
    }

    public boolean all(Predicate<? super T> p) {
        for (Object o : items) if (!p.test(get0(o))) return false;
        return true;
    }

    public boolean any(Predicate<? super T> p) {
        for (Object o : items) if (p.test(get0(o))) return true;
        return false;
    }

    @SuppressWarnings("unchecked")
    private static <T> T get0(Object o) { return (T) o; }

    public Object[] toArray() { return items.clone(); }

    @Override public Iterator<T> iterator() {
        return new Iterator<>() {
            int i = 0;
            @Override public boolean hasNext() { return i < items.length; }
            @Override public T next() {
                if (i >= items.length) throw new NoSuchElementException();
                return get(i++);
            }
        };
    }

    @Override public boolean equals(Object o) {
        return o == this || (o instanceof Vec<?> v && hashCode() == v.hashCode() && Arrays.equals(items, v.items));
    }

    @Override public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(items);
            if (h == 0) h = 1;
            hash = h;
        }
        return h;
    }

    @Override public String toString() { return Arrays.toString(items); }
}
