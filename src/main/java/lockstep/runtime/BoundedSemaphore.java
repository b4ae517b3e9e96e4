package lockstep.runtime;

/** asyncio.BoundedSemaphore: a Semaphore whose release() past the initial value raises ValueError. */
public final class BoundedSemaphore extends Semaphore {
    public BoundedSemaphore(long value) { super(value, true, Cell.CAS); }
}
