package lockstep.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import lockstep.sched.Runner;
import lockstep.vm.Canon;
import lockstep.vm.Machine;
import lockstep.vm.Program;
import org.junit.jupiter.api.Test;

/**
 * The search copies a run at every move and lets the copies share what has not changed: heap
 * objects, and what a run keeps that is most often empty or never changes (the monitors'
 * memory, stderr, the tasks a chooser may not cancel). Whatever a copy then does must never
 * show in the run it was copied from, nor in another copy. Here copies of every choice point
 * of one run (and copies of copies) go their own random ways, with cancels injected, through
 * a lock held across an await, a notified condition, a barrier, an exception in a callback
 * and asyncio.run's shutdown; the run they came from must look the same after each, and as a
 * twin run that is never copied at every choice point (what a copy changed may show only
 * later, in a task or object the run makes after the copy made its own), and end as it does.
 */
class CopyIndependenceTest {

    private static final String SCENARIO = """
            import asyncio

            lock = asyncio.Lock()
            cond = asyncio.Condition()
            barrier = asyncio.Barrier(2)

            def boom():
                raise ValueError("in a callback")

            async def holder(n):
                async with lock:
                    await asyncio.sleep(0)
                    print("held", n)
                async with cond:
                    cond.notify(1)
                await barrier.wait()

            async def waiter():
                async with cond:
                    await cond.wait()
                print("notified")

            async def main():
                asyncio.get_running_loop().call_soon(boom)
                w = asyncio.create_task(waiter())
                await asyncio.sleep(0)
                tasks = [asyncio.create_task(holder(n)) for n in range(2)]
                await asyncio.gather(*tasks)
                asyncio.create_task(asyncio.sleep(1))
                print("done")

            asyncio.run(main())
            """;

    /** What a run looks like at a choice point: its state, its output, the tasks a cancel may hit. */
    private static String look(Runner r) {
        Machine m = r.machine();
        return new Canon().fingerprint(m, 0) + "|" + m.stdout() + "|" + m.stderr() + "|" + r.cancellableTasks();
    }

    /** Runs {@code r} to its end with random moves, at most two of them injected cancels. */
    private static Runner.Result wander(Runner r, long seed) {
        Random rnd = new Random(seed);
        int[] cancels = {0};
        return r.resume((m, ready, cancellable) -> {
            int n = ready + (cancels[0] < 2 ? cancellable.size() : 0);
            int c = rnd.nextInt(n);
            if (c >= ready) cancels[0]++;
            return c;
        });
    }

    @Test
    void whatACopyDoesNeverShowsInTheRunItWasCopiedFrom() throws Exception {
        Program p = Program.compile("copies.py", SCENARIO);
        Runner.Result plain = Runner.run(p, Runner.Chooser.FIFO, 10_000);
        assertEquals(0, plain.exit(), plain.stderr());
        assertTrue(plain.stderr().contains("Exception in callback"), plain.stderr());

        Runner run = Runner.start(p, 10_000, new Monitors());
        Runner twin = Runner.start(p, 10_000, new Monitors());
        boolean pending = run.begin(Runner.Chooser.FIFO);
        assertEquals(pending, twin.begin(Runner.Chooser.FIFO));
        Runner.Chooser none = new Runner.Chooser() {
            @Override public int choose(Machine m, int ready, List<Integer> cancellable) {
                throw new IllegalStateException("take asks no choice");
            }
        };
        int points = 0;
        long seed = 0;
        while (pending) {
            points++;
            String before = look(run);
            assertEquals(look(twin), before, "the run and its twin differ at choice point " + points);
            for (int k = 0; k < 3; k++) {
                Runner copy = run.copy();
                Runner copyOfCopy = copy.copy();
                String copyBefore = look(copy);
                wander(copyOfCopy, seed++);
                assertEquals(copyBefore, look(copy), "a copy of a copy changed the copy at choice point " + points);
                wander(copy, seed++);
                assertEquals(before, look(run), "a copy changed the run at choice point " + points);
            }
            pending = run.take(0, none);
            assertEquals(pending, twin.take(0, none));
        }
        assertTrue(points > 10, "a run with choices: " + points);
        Runner.Result end = run.result();
        assertEquals(plain.stdout(), end.stdout());
        assertEquals(plain.stderr(), end.stderr());
        assertEquals(plain.exit(), end.exit());
    }
}
