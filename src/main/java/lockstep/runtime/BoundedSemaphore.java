package lockstep.runtime;

/** asyncio.BoundedSemaphore: a Semaphore whose release() past the initial value raises ValueError. */
public final class BoundedSemaphore extends Semaphore {
    public BoundedSemaphore(long value) { this(value, Cell.CAS); }

    BoundedSemaphore(long value, Cell.Install install) { super(value, true, install); }
}
