package lockstep.vm;

import lockstep.sched.Runner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code await f()} runs f's frame at once: no coroutine object is put in the heap for it
 * (nothing could see one), so a loop of awaited calls leaves the heap as it found it, while
 * a coroutine kept in a variable before it is awaited is still an object of its own.
 * What the programs print is checked against CPython by scenario 300.
 */
class AwaitedCallTest {

    private static final String LOOP = """
            import asyncio

            async def one(x):
                return x + 1

            async def main():
                total = 0
                for i in range(%d):
                    %s
                print(total)

            asyncio.run(main())
            """;

    private static int heapAfter(int n, String body) throws Exception {
        Program p = Program.compile("t.py", String.format(LOOP, n, body));
        Runner r = Runner.start(p, 1_000_000, Observer.NONE);
        Runner.Result res = r.resume(Runner.Chooser.FIFO);
        assertEquals(n + "\n", r.machine().stdout(), "output of " + res);
        return r.machine().heapSize();
    }

    @Test void anAwaitedCallMakesNoHeapObject() throws Exception {
        int few = heapAfter(10, "total += await one(0)");
        int many = heapAfter(1000, "total += await one(0)");
        assertEquals(few, many, "heap objects after 10 and after 1,000 awaited calls");
    }

    @Test void aCoroutineKeptBeforeItsAwaitIsAnObject() throws Exception {
        int few = heapAfter(10, "c = one(0); total += await c");
        int many = heapAfter(1000, "c = one(0); total += await c");
        assertTrue(many >= few + 990, "heap objects after 10 and after 1,000 kept coroutines: " + few + ", " + many);
    }
}
