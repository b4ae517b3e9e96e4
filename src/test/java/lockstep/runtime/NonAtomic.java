package lockstep.runtime;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The deliberately broken runtime, kept to show that the harnesses bite: it installs a
 * new snapshot with a plain write instead of a compare-and-set, so an operation reads the
 * state, computes the core transition, and writes its result over whatever another thread
 * installed meanwhile (a non-atomic read-then-write). Two acquire() calls on a free lock
 * can then both take it, and a release() can be lost.
 */
public final class NonAtomic implements Cell.Install {
    private static final NonAtomic INSTALL = new NonAtomic();

    private NonAtomic() {}

    @Override public <T> boolean install(AtomicReference<T> ref, T expect, T next) {
        ref.set(next);
        return true;
    }

    public static Lock lock() { return new Lock(INSTALL); }

    public static Semaphore semaphore(long value) { return new Semaphore(value, false, INSTALL); }
}
