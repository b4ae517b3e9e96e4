package lockstep.runtime;

import lockstep.core.AsyncioError;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What a Lincheck test remembers of the calls ({@code acquire()}, {@code wait()}) it
 * started: per thread, in order, so that a thread can cancel its own latest call (the
 * list is only touched by its owner while threads run, so there is no race in the
 * harness itself), and the validation at the end can look at every outcome.
 */
final class Calls {
    /** A call and what started it ("acquire", "wait", ...). */
    record Entry(String kind, CompletableFuture<?> call) {}

    @SuppressWarnings("unchecked")
    private final List<Entry>[] byThread = new List[8];

    /** Remembers {@code call}, started by thread {@code thread} (Lincheck's ThreadIdGen). */
    void add(int thread, CompletableFuture<?> call) { add(thread, "call", call); }

    void add(int thread, String kind, CompletableFuture<?> call) {
        if (byThread[thread] == null) byThread[thread] = new ArrayList<>();
        byThread[thread].add(new Entry(kind, call));
    }

    /** Task.cancel() of this thread's latest call; false if it has none or it already ended. */
    boolean cancelLatest(int thread) {
        List<Entry> mine = byThread[thread];
        return mine != null && !mine.isEmpty() && mine.get(mine.size() - 1).call().cancel(false);
    }

    /** Every call remembered, oldest first per thread. */
    List<Entry> all() {
        List<Entry> all = new ArrayList<>();
        for (List<Entry> l : byThread) if (l != null) all.addAll(l);
        return all;
    }

    /** How many calls ended with {@code outcome} (see {@link #outcome}). */
    long count(String outcome) {
        return all().stream().filter(e -> outcome(e.call()).equals(outcome)).count();
    }

    /** How many calls of {@code kind} ended with {@code outcome}. */
    long count(String kind, String outcome) {
        return all().stream().filter(e -> e.kind().equals(kind) && outcome(e.call()).equals(outcome)).count();
    }

    /** "pending", "cancelled", the result, or the AsyncioError as Python prints it. */
    static String outcome(CompletableFuture<?> f) {
        if (!f.isDone()) return "pending";
        if (f.isCancelled()) return "cancelled";
        try {
            return String.valueOf(f.join());
        } catch (CompletionException e) {
            return describe((AsyncioError) e.getCause());
        }
    }

    /** "ok", or the AsyncioError that {@code op} raised, as Python prints it. */
    static String run(Runnable op) {
        try {
            op.run();
            return "ok";
        } catch (AsyncioError e) {
            return describe(e);
        }
    }

    static String describe(AsyncioError e) { return e.type() + ": " + e.getMessage(); }

    /** Fails the validation with {@code message} unless {@code ok}. */
    static void check(boolean ok, String message) {
        if (!ok) throw new IllegalStateException(message);
    }
}
