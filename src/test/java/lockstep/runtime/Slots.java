package lockstep.runtime;

import lockstep.core.AsyncioError;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The harnesses' handles on pending calls: operations name a call by a small slot number,
 * so that one thread can cancel what another started.
 */
final class Slots {
    private final AtomicReferenceArray<CompletableFuture<?>> calls = new AtomicReferenceArray<>(3);

    void put(int slot, CompletableFuture<?> call) { calls.set(slot, call); }

    /** Task.cancel() of the call in {@code slot}; false if there is none. */
    boolean cancel(int slot) {
        CompletableFuture<?> call = calls.get(slot);
        return call != null && call.cancel(false);
    }

    /** "ok", or the AsyncioError raised as Python prints it. */
    static String outcome(Runnable op) {
        try {
            op.run();
            return "ok";
        } catch (AsyncioError e) {
            return e.type() + ": " + e.getMessage();
        }
    }
}
