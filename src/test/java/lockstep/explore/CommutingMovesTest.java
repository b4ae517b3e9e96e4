package lockstep.explore;

import lockstep.sched.Runner;
import lockstep.vm.AsyncioApi;
import lockstep.vm.Canon;
import lockstep.vm.Footprint;
import lockstep.vm.Machine;
import lockstep.vm.Obj;
import lockstep.vm.Values;
import lockstep.vm.Program;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The independence relation the sleep sets rest on, checked state by state: wherever
 * {@link SleepSetDfs#commute} says that two moves of a choice point commute, taking them in
 * either order reaches one state (the same fingerprint, with the batch split, or the same
 * outcome). Checked along random runs of the explore and bench scenarios and of the corpus
 * scenarios that use the loop's timers and callbacks, with a cancel injected now and then.
 * A relation that says too much (an end of iteration swapped with a step that queues a
 * handle, say) fails here even where no outcome is lost.
 */
class CommutingMovesTest {

    /** Records the footprint of each step or cancel as the search does (up to the end of the step). */
    private static final class Steps implements Runner.Chooser {
        Footprint last;

        @Override public int choose(Machine m, int ready, List<Integer> cancellable) {
            throw new AssertionError("the test takes every decision itself");
        }

        @Override public void afterStep(Machine m, Machine.Callback ran) { last = m.takeFootprint(); }

        @Override public void afterCancel(Machine m) { last = m.takeFootprint(); }
    }

    private static final class Taken {
        final Runner run;
        final boolean pending;
        final Footprint fp;

        Taken(Runner at, int code) {
            run = at.copy();
            Steps steps = new Steps();
            Machine m = run.machine();
            Recorder.startFootprint(m, code, m.readyCount());
            pending = run.take(code, steps);
            fp = steps.last;
        }
    }

    private int pairs, endingPairs, inNextBatch, pastTheOuter, duplicates;

    @Test
    void movesThatCommuteReachOneState() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Stream.concat(Files.list(Path.of("model/explore")), Files.list(Path.of("model/bench")))) {
            s.filter(f -> f.toString().endsWith(".py")).sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.list(Path.of("model/scenarios"))) {
            for (Path f : s.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                String text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (text.contains("call_soon") || text.contains("call_later") || text.contains("wait_for")
                        || text.contains("timeout") || text.contains("sleep(0.")) files.add(f);
            }
        }
        assertTrue(files.size() > 20, files.toString());
        for (Path f : files) {
            Program p = Program.compile(f.toString(), Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1));
            for (int seed = 1; seed <= 3; seed++) walk(p, f, new Random(seed));
        }
        assertTrue(pairs > 1000, pairs + " pairs checked");
        assertTrue(endingPairs > 100, endingPairs + " pairs with an end of iteration checked");
        assertTrue(inNextBatch > 20, inNextBatch + " handles asleep across an end of iteration, found in the next batch");
        for (int seed = 1; seed <= 3; seed++) walk(Program.compile("twice.py", ONE_CALLBACK_TWICE), Path.of("twice.py"), new Random(seed));
        assertTrue(duplicates > 0, "no choice point with a handle queued twice");
        assertTrue(pastTheOuter > 5, pastTheOuter + " gather callbacks of one gather, for a child done well, swapped with the one that ends the outer future");
    }

    /** A future with one callback added twice: two equal handles are ready at once, one move. */
    private static final String ONE_CALLBACK_TWICE = """
            import asyncio

            def cb(f):
                print("cb", f.result())

            async def main():
                fut = asyncio.get_running_loop().create_future()
                fut.add_done_callback(cb)
                fut.add_done_callback(cb)
                fut.set_result(1)
                await asyncio.sleep(0)

            asyncio.run(main())
            """;

    /** A random run with at most one cancel; every pair of moves that commute is checked on the way. */
    private void walk(Program p, Path f, Random rnd) {
        Runner run = Runner.start(p, 2_000, new Monitors());
        if (!run.begin(new Steps())) return;
        int cancels = 0;
        for (int depth = 0; depth < 40; depth++) {
            Machine m = run.machine();
            int ready = m.readyCount();
            List<Integer> cancellable = cancels < 1 ? run.cancellableTasks() : List.of();
            Moves l = Moves.list(m, ready, cancellable.size(), cancellable, false);
            sameWhenNamed(l, m, cancellable, cancels);
            Taken[] taken = new Taken[l.size()];
            for (int i = 0; i < l.size(); i++) taken[i] = new Taken(run, l.code(i));
            for (int a = 0; a < l.size(); a++) {
                for (int b = a + 1; b < l.size(); b++) {
                    if (taken[a].fp == null || taken[b].fp == null) continue;
                    if (!SleepSetDfs.commute(l, a, taken[a].fp, b, taken[b].fp)) continue;
                    check(f, l, run, taken, a, b, cancels);
                }
            }
            int next = rnd.nextInt(l.size());
            if (l.isCancel(next) && rnd.nextInt(4) != 0) next = rnd.nextInt(ready);
            if (l.isCancel(next)) cancels++;
            run = taken[next].run;
            if (!taken[next].pending) return;
        }
    }

    /**
     * The search lists moves given their canonical names, and compares whole only handles
     * whose names are equal to find duplicates: it lists the same moves as without names.
     */
    private void sameWhenNamed(Moves l, Machine m, List<Integer> cancellable, int cancels) {
        int ready = m.readyCount();
        Canon canon = new Canon();
        canon.fingerprint(m, cancels);
        long[] names = new long[ready];
        for (int i = 0; i < ready; i++) names[i] = canon.handleName(i);
        Moves named = Moves.list(m, ready, cancellable.size(), cancellable, false, names);
        assertEquals(l.size(), named.size());
        for (int i = 0; i < l.size(); i++) {
            assertEquals(l.get(i), named.get(i));
            assertEquals(l.code(i), named.code(i));
        }
        if (l.size() < ready + cancellable.size()) duplicates++;
    }

    private void check(Path f, Moves l, Runner at, Taken[] taken, int a, int b, int cancels) {
        pairs++;
        if (l.ending(a) || l.ending(b)) endingPairs++;
        String where = f + " after " + at.steps() + " steps: moves " + l.get(a) + " and " + l.get(b);
        Runner ab = then(taken[a], l, at, b, where);
        Runner ba = then(taken[b], l, at, a, where);
        asleepAcrossTheEnd(l, taken, a, b, where);
        asleepAcrossTheEnd(l, taken, b, a, where);
        if (endsTheOuter(at, l, taken, a, b) || endsTheOuter(at, l, taken, b, a)) pastTheOuter++;
        int used = cancels + (l.isCancel(a) ? 1 : 0) + (l.isCancel(b) ? 1 : 0);
        assertEquals(ab.result() == null, ba.result() == null, where);
        if (ab.result() == null) {
            assertEquals(new Canon().fingerprint(ab.machine(), used), new Canon().fingerprint(ba.machine(), used), where);
        } else {
            assertEquals(ab.result().stdout(), ba.result().stdout(), where);
            assertEquals(ab.result().exit(), ba.result().exit(), where);
        }
    }

    /**
     * A handle {@code y} that commutes with move {@code x}, which could end the iteration, is
     * asleep after x: the sleep set finds it among the moves there ({@link SleepSetDfs#indexOf}),
     * as the same handle, in the next batch when the iteration ended.
     */
    private void asleepAcrossTheEnd(Moves l, Taken[] taken, int x, int y, String where) {
        if (!l.ending(x) || l.isCancel(y) || !taken[x].pending) return;
        Machine m = taken[x].run.machine();
        Moves after = Moves.list(m, m.readyCount(), 0, List.of(), false);
        int k = SleepSetDfs.indexOf(after, l.get(y));
        assertTrue(k >= 0, where + ": the handle asleep after the end of the iteration is not found there");
        assertEquals(l.get(y).handle(), after.get(k).handle(), where);
        if (after.get(k).inBatch() != l.get(y).inBatch()) inNextBatch++;
    }

    /**
     * Whether moves {@code x} and {@code y} are gather's callbacks for two of its children and
     * {@code x} ends the outer future: y, for a child done well and not the last, does the same
     * whether the outer future is done or not, and so commutes with x.
     */
    private static boolean endsTheOuter(Runner at, Moves l, Taken[] taken, int x, int y) {
        if (l.isCancel(x) || l.isCancel(y) || !taken[x].pending) return false;
        Object fx = at.machine().peekReady(l.code(x)).fn(), fy = at.machine().peekReady(l.code(y)).fn();
        if (!AsyncioApi.isGatherDone(fx) || !AsyncioApi.isGatherDone(fy)) return false;
        int state = ((Values.Ref) ((Values.BoundMethod) fx).self()).id();
        if (((Values.Ref) ((Values.BoundMethod) fy).self()).id() != state) return false;
        int outer = ((Obj.GatherObj) at.machine().peek(state)).outer();
        return outer >= 0 && !at.machine().futDone(outer) && taken[x].run.machine().futDone(outer);
    }

    /** Takes move {@code i} of the choice point {@code l} (of run {@code at}) after the other move, found again by what it is. */
    private static Runner then(Taken first, Moves l, Runner at, int i, String where) {
        assertTrue(first.pending, where + ": the run ended after one of them");
        Runner run = first.run.copy();
        Machine m = run.machine();
        int code = -1;
        if (l.isCancel(i)) {
            int task = at.cancellableTasks().get(l.code(i) - l.ready);
            int k = run.cancellableTasks().indexOf(task);
            if (k >= 0) code = m.readyCount() + k;
        } else {
            Machine.Callback cb = at.machine().peekReady(l.code(i));
            for (int j = 0; j < m.readyCount() && code < 0; j++) if (m.peekReady(j).equals(cb)) code = j;
        }
        assertTrue(code >= 0, where + ": one of them is no longer a move after the other");
        run.take(code, new Steps());
        return run;
    }
}
