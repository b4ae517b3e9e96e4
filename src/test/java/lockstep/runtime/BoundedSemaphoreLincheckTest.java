package lockstep.runtime;

/** {@link BoundedSemaphore}(2): the Semaphore test, with release() past the bound raising ValueError. */
public class BoundedSemaphoreLincheckTest extends SemaphoreLincheckTest {
    @Override Semaphore newSemaphore() { return new BoundedSemaphore(2); }

    @Override long initial() { return 2; }
}
