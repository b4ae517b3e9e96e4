package lockstep.vm;

import lockstep.Lockstep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What CPython cannot tell us (it would allocate gigabytes, or its answer depends on the
 * machine): values past the model's bounds stop with exit code 4 and a clear message;
 * nesting deeper than the Java stack allows ends cleanly, never with a Java error.
 */
@Timeout(60)
class ValuesBoundsTest {

    static Lockstep.RunResult run(String src) {
        return Lockstep.run("t.py", src);
    }

    static void assertStopsAtTheBound(Lockstep.RunResult r, String expectedStdout) {
        assertEquals(4, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith("resource bound exceeded: "), r.stderr());
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("Error"), r.stderr());
        assertEquals(expectedStdout, r.stdout());
    }

    @Test void hugeStrRepetitionStopsAtTheBoundNotWithAWrongLength() {
        Lockstep.RunResult r = run("print('before')\nprint(len('a' * 10**10))\n");
        assertStopsAtTheBound(r, "before\n");
        assertTrue(r.stderr().contains("a str of 10000000000 elements"), r.stderr());
    }

    @Test void repetitionPast64BitsOfLengthStopsAtTheBound() {
        assertStopsAtTheBound(run("x = 'ab' * 2**62\nprint(len(x))\n"), "");
        assertStopsAtTheBound(run("x = [1, 2] * 2**62\n"), "");
        assertStopsAtTheBound(run("x = (1, 2) * 2**62\n"), "");
    }

    @Test void aListThatDoublesForeverStopsAtTheBound() {
        assertStopsAtTheBound(run("x = [0]\nwhile True:\n    x = x + x\n"), "");
        assertStopsAtTheBound(run("x = [0]\nwhile True:\n    x += x\n"), "");
        assertStopsAtTheBound(run("s = 'ab'\nwhile True:\n    s = s + s\n"), "");
        assertStopsAtTheBound(run("s = 'ab'\nwhile True:\n    s = f'{s}{s}'\n"), "");
        assertStopsAtTheBound(run("s = ['ab']\nwhile True:\n    s = [''.join(s * 2)]\n"), "");
    }

    @Test void anIntThatSquaresForeverStopsAtTheBound() {
        assertStopsAtTheBound(run("x = 3\nwhile True:\n    x = x * x\n"), "");
        assertStopsAtTheBound(run("print(2 ** 10**10)\n"), "");
    }

    @Test void listOfAHugeRangeStopsAtTheBound() {
        assertStopsAtTheBound(run("print(len(list(range(10**12))))\n"), "");
        assertStopsAtTheBound(run("print(len(list(range(-2**63, 2**63 - 1))))\n"), "");
    }

    @Test void indexingAHugeRangeDoesNotMaterializeIt() {
        Lockstep.RunResult r = run("r = range(10**18)\nprint(r[-1], r[5], len(r), 10**17 in r)\n");
        assertEquals("999999999999999999 5 1000000000000000000 True\n", r.stdout(), r.stderr());
    }

    @Test void aChainOf100000AdditionsIsRefusedWithAPosition() {
        Lockstep.RunResult r = run("x = " + String.join("+", java.util.Collections.nCopies(100_000, "1")) + "\nprint(x)\n");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().matches("t\\.py:1:\\d+: unsupported: expressions nested this deeply\n"), r.stderr());
    }

    @Test void longChainsOfCallsSubscriptsAndOperatorsAreRefusedCleanly() {
        for (String src : new String[]{"x = f" + "()".repeat(100_000), "x = a" + "[0]".repeat(100_000),
                "x = 1" + " * 1".repeat(100_000), "x = 2" + " ** 2".repeat(100_000), "x = " + "-".repeat(100_000) + "1"}) {
            Lockstep.RunResult r = run(src + "\n");
            assertEquals(2, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains(": unsupported: expressions nested this deeply"), r.stderr());
        }
    }

    @Test void aChainCPythonCompilesStillRuns() {
        Lockstep.RunResult r = run("x = " + String.join("+", java.util.Collections.nCopies(900, "1")) + "\nprint(x)\n");
        assertEquals("900\n", r.stdout(), r.stderr());
    }

    @Test void reprAndEqualityOfDeeplyNestedListsRaiseRecursionError() {
        Lockstep.RunResult r = run("""
                n = []
                m = []
                for i in range(100000):
                    n = [n]
                    m = [m]
                try:
                    print(len(repr(n)))
                except RecursionError as e:
                    print(e)
                try:
                    print(n == m)
                except RecursionError as e:
                    print(e)
                try:
                    print(n < m)
                except RecursionError as e:
                    print(e)
                """);
        assertEquals("maximum recursion depth exceeded while getting the repr of an object\n"
                + "maximum recursion depth exceeded in comparison\n"
                + "maximum recursion depth exceeded in comparison\n", r.stdout(), r.stderr());
        assertEquals(0, r.exitCode());
    }

    @Test void recursionThroughAKeyFunctionRaisesRecursionError() {
        Lockstep.RunResult r = run("""
                def f(x):
                    return sorted([1, 2], key=f)
                try:
                    f(0)
                except RecursionError as e:
                    print(type(e).__name__, e)
                """);
        assertEquals("RecursionError maximum recursion depth exceeded\n", r.stdout(), r.stderr());
    }

    @Test void recursionDepthIsCPythons() {
        // python3.12 FILE: the module frame plus 999 frames of f; in a task, the 7 frames of
        // asyncio.run and the event loop, main, and 991 frames of f.
        Lockstep.RunResult r = run("""
                import asyncio
                d = [0]
                def f(n):
                    d[0] = n
                    f(n + 1)
                try:
                    f(0)
                except RecursionError:
                    print(d[0])
                async def main():
                    try:
                        f(0)
                    except RecursionError:
                        print(d[0])
                asyncio.run(main())
                """);
        assertEquals("998\n991\n", r.stdout(), r.stderr());
    }
}
