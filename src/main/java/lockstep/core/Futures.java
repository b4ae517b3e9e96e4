package lockstep.core;

/**
 * What a primitive may ask about the futures in its waiter queue. Waiters are named
 * by an int handle; the primitive never owns their state. The interpreter answers
 * from its heap, the thread-safe runtime from its CompletableFutures.
 */
public interface Futures {
    /** True once the future has a result, an exception, or was cancelled. */
    boolean done(int future);

    /** True if the future was cancelled. */
    boolean cancelled(int future);

    /** The CPython version whose rules the transitions follow ({@link Delta}); 3.12 unless the run says otherwise. */
    default PyVersion version() {
        return PyVersion.DEFAULT;
    }
}
