package lockstep.stress;

import lockstep.core.AsyncioError;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** How the tests print a call's end: "pending", "cancelled", its result, or the error's Python type. */
public final class Outcomes {
    private Outcomes() {}

    public static String of(CompletableFuture<?> f) {
        if (!f.isDone()) return "pending";
        if (f.isCancelled()) return "cancelled";
        try {
            return String.valueOf(f.join());
        } catch (CompletionException e) {
            return e.getCause() instanceof AsyncioError a ? a.type() : e.getCause().toString();
        }
    }

    /** "ok", or the Python type of the AsyncioError that {@code op} raised. */
    public static String run(Runnable op) {
        try {
            op.run();
            return "ok";
        } catch (AsyncioError e) {
            return e.type();
        }
    }
}
