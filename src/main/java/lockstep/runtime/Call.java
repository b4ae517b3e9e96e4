package lockstep.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * The future returned by {@code acquire()} and {@code wait()}: asyncio's Task for that
 * one call. Only its primitive completes it. {@link #cancel} is Task.cancel(): it returns
 * true if the call had not finished yet, and the call then ends with CancelledError as
 * asyncio's glue says, after its consequences (a lock's turn passed on, a semaphore unit
 * given back, a barrier party gone). A {@code Condition.wait()} first takes its lock back,
 * so its future is cancelled only once the lock is held again.
 */
final class Call<T> extends CompletableFuture<T> {
    private final Cell<?> cell;

    Call(Cell<?> cell) { this.cell = cell; }

    @Override public boolean cancel(boolean mayInterruptIfRunning) { return cell.cancel(this); }

    @SuppressWarnings("unchecked")
    void finish(Object value) { super.complete((T) value); }

    void fail(Throwable error) { super.completeExceptionally(error); }

    void cancelled() { super.cancel(false); }

    // Completing from outside would bypass the primitive: refused.
    @Override public boolean complete(T value) { throw refused(); }
    @Override public boolean completeExceptionally(Throwable ex) { throw refused(); }
    @Override public void obtrudeValue(T value) { throw refused(); }
    @Override public void obtrudeException(Throwable ex) { throw refused(); }

    private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException("only its primitive completes this future; use cancel()");
    }
}
