package lockstep.cli;

import lockstep.Lockstep;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The contract's exit codes and messages of {@code lockstep run}, on small inline programs. */
class RunCommandTest {

    static Lockstep.RunResult run(String src) {
        return Lockstep.run("t.py", src);
    }

    @Test void normalRunExitsZero() {
        Lockstep.RunResult r = run("import asyncio\nasync def main():\n    print('hi', 1 + 2)\nasyncio.run(main())\n");
        assertEquals("hi 3\n", r.stdout());
        assertEquals(0, r.exitCode());
    }

    @Test void escapingExceptionExitsOneWithItsLastLine() {
        Lockstep.RunResult r = run("import asyncio\nasync def main():\n    raise ValueError('boom')\nasyncio.run(main())\n");
        assertEquals(1, r.exitCode());
        String[] lines = r.stderr().split("\n");
        assertEquals("ValueError: boom", lines[lines.length - 1]);
    }

    @Test void cancelledErrorIsModuleQualified() {
        Lockstep.RunResult r = run("import asyncio\nasync def main():\n    asyncio.current_task().cancel()\n    await asyncio.sleep(0)\nasyncio.run(main())\n");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().endsWith("asyncio.exceptions.CancelledError\n"), r.stderr());
    }

    @Test void deadlockExitsThreeAndNamesTheWaiter() {
        Lockstep.RunResult r = run("import asyncio\nasync def main():\n    ev = asyncio.Event()\n    await ev.wait()\nasyncio.run(main())\n");
        assertEquals(3, r.exitCode());
        assertTrue(r.stderr().startsWith("deadlock: no task can make progress\n"), r.stderr());
        assertTrue(r.stderr().contains("Task-1 main() at t.py:4 waits in Event.wait on <asyncio.locks.Event object at"), r.stderr());
    }

    /** Barrier.wait shares its self with the predicates it passes to wait_for (a cell): the report shows the barrier. */
    @Test void deadlockNamesTheBarrierAWaiterIsIn() {
        Lockstep.RunResult r = run("import asyncio\nasync def main():\n    b = asyncio.Barrier(2)\n    await b.wait()\nasyncio.run(main())\n");
        assertEquals(3, r.exitCode());
        assertTrue(r.stderr().contains("Task-1 main() at t.py:4 waits in Barrier.wait on <asyncio.locks.Barrier object at"), r.stderr());
    }

    @Test void anExceptionOfACallbackIsReportedAndTheLoopGoesOn() {
        Lockstep.RunResult r = run("import asyncio\nasync def main():\n    lock = asyncio.Lock()\n"
                + "    asyncio.get_running_loop().call_soon(lock.release)\n    await asyncio.sleep(0)\n    print('after')\n"
                + "asyncio.run(main())\n");
        assertEquals("after\n", r.stdout());
        assertEquals(0, r.exitCode());
        assertEquals("Exception in callback Lock.release()\nhandle: <Handle Lock.release()>\n"
                + "RuntimeError: Lock is not acquired.\n", r.stderr());
    }

    @Test void aStringThatDoublesForeverStopsAtTheModelsBound() {
        Lockstep.RunResult r = run("s = 'ab'\nwhile True:\n    s = s + s\n");
        assertEquals(4, r.exitCode());
        assertTrue(r.stderr().startsWith("resource bound exceeded: a str of "), r.stderr());
    }

    @Test void refusedFileExitsTwoWithPosition() {
        Lockstep.RunResult r = run("import asyncio\nq = asyncio.Queue()\n");
        assertEquals(2, r.exitCode());
        assertEquals("t.py:2:5: unsupported: asyncio.Queue\n", r.stderr());
        assertEquals("", r.stdout());
    }

    @Test void endlessProgramStopsAtTheStepLimit() {
        Lockstep.RunResult r = run("import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n");
        assertEquals(4, r.exitCode());
        assertTrue(r.stderr().startsWith("step limit exceeded"), r.stderr());
    }

    @Test void floatsPrintAsPython() {
        Lockstep.RunResult r = run("print(0.1 + 0.2, 1e16, 1.5e-7, 100.0, 1/3, 2.5, 0.0001, 0.00001, -0.0)\n");
        assertEquals("0.30000000000000004 1e+16 1.5e-07 100.0 0.3333333333333333 2.5 0.0001 1e-05 -0.0\n", r.stdout());
    }

    @Test void virtualTimeIsCPythonsFloatArithmetic() {
        Lockstep.RunResult r = run("import asyncio\nasync def main():\n    loop = asyncio.get_running_loop()\n"
                + "    for i in range(8):\n        await asyncio.sleep(0.1)\n    print(loop.time())\nasyncio.run(main())\n");
        assertEquals("0.7999999999999999\n", r.stdout());
    }
}
