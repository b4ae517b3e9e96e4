package lockstep.core;

/**
 * asyncio.Future as immutable state. Results, exceptions, cancel messages and callbacks
 * are opaque values of whoever uses the future. Completing a future hands back its
 * callbacks, in the order they were added, for the caller to schedule with call_soon.
 */
public record Future(Status status, Object result, Object exception, Object cancelMessage,
                     Object cancelledExc, Vec<Object> callbacks) {

    public enum Status { PENDING, CANCELLED, FINISHED }

    public static final Future NEW = new Future(Status.PENDING, null, null, null, null, Vec.of());

    /** A completed transition: the new state and the callbacks now due. */
    public record Fired(Future state, Vec<Object> callbacks) {}

    public boolean done() { return status != Status.PENDING; }
    public boolean cancelled() { return status == Status.CANCELLED; }

    public Fired setResult(Object value) {
        requirePending();
        return new Fired(new Future(Status.FINISHED, value, null, null, null, Vec.of()), callbacks);
    }

    public Fired setException(Object exc) {
        requirePending();
        return new Fired(new Future(Status.FINISHED, null, exc, null, null, Vec.of()), callbacks);
    }

    /** cancel(msg): null if the future is already done (cancel() returns False then). */
    public Fired cancel(Object msg) {
        if (done()) return null;
        return new Fired(new Future(Status.CANCELLED, null, null, msg, null, Vec.of()), callbacks);
    }

    /**
     * How a Task ends when its coroutine raised CancelledError: cancelled, with no message,
     * but remembering that very exception so that awaiting the task re-raises it.
     */
    public Fired cancelWith(Object cancelledError) {
        Fired f = cancel(null);
        Future s = f.state();
        return new Fired(new Future(s.status, null, null, null, cancelledError, s.callbacks), f.callbacks());
    }

    /** Forgets the remembered CancelledError: CPython hands it out only once. */
    public Future withoutCancelledExc() {
        return new Future(status, result, exception, cancelMessage, null, callbacks);
    }

    /** add_done_callback on a pending future (a done one schedules the callback at once). */
    public Future addCallback(Object callback) {
        if (done()) throw new IllegalStateException("future is done");
        return new Future(status, result, exception, cancelMessage, cancelledExc, callbacks.append(callback));
    }

    /** remove_done_callback: drops every registration equal to {@code callback}. */
    public Future removeCallback(Object callback) {
        Vec<Object> kept = Vec.of();
        for (Object c : callbacks) if (!c.equals(callback)) kept = kept.append(c);
        return new Future(status, result, exception, cancelMessage, cancelledExc, kept);
    }

    private void requirePending() {
        if (done()) throw new AsyncioError("InvalidStateError", "invalid state");
    }
}
