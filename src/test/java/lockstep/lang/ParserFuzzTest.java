package lockstep.lang;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Whatever the input, the parser returns a Module or throws a ScenarioError with a
 * sensible position, and nothing else: inputs are truncations and random mutations of
 * valid programs.
 */
class ParserFuzzTest {

    private static final String PROGRAM = ParserTest.SAMPLE + """
            from asyncio import Event as E, Semaphore
            counter = {'n': 0, "xs": [1, 2.5, -3]}

            def helper(a, b=1, *args, c, d=2):
                global counter
                counter['n'] += a if b else -1
                return [x * 2 for x in range(a) if x % 2], (a, b)

            async def waiter(ev, i):
                try:
                    await asyncio.wait_for(ev.wait(), timeout=0.5)
                except (asyncio.TimeoutError, KeyError) as e:
                    print(f"{i!r}: {type(e).__name__:>10} {{done}}", sep='')
                else:
                    assert not ev.is_set() or i in (1, 2), "message"
                finally:
                    pass
                while i < 3 and i is not None:
                    i += 1
                    if i == 2:
                        continue
                    elif i > 5: break
                    else:
                        x = lambda y=0: y + \\
                            1
                async with asyncio.timeout(1) as cm, sem:
                    raise RuntimeError("x") from None
            """;

    /** Pieces that tend to break lexers and parsers. */
    private static final List<String> PIECES = List.of("(", ")", "[", "]", "{", "}", ":", ",", ".", "'", "\"",
            "\\", "\n", "\t", " ", "#", "=", "+", "-", "*", "f'", "rf\"", "!", "0", "1", "e", "x", "_", "\"\"\"",
            "'''", "async ", "await ", "lambda ", "if ", "else ", "for ", "in ", "not ", "def ", "return ", "**",
            ";", "    ", "\r", "\f", "0x", "1.", "\\\n", "é", "\0", "{x!r}", "{x:>3}", "f\"{", "=}");

    @Test
    void everyTruncationOfTheProgramParsesOrFailsCleanly() {
        for (int end = 0; end <= PROGRAM.length(); end++) check(PROGRAM.substring(0, end));
    }

    @Test
    void randomMutationsParseOrFailCleanly() {
        Random random = new Random(20240601);
        for (int k = 0; k < 20_000; k++) {
            String source = PROGRAM;
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) source = mutate(source, random);
            check(source);
        }
    }

    @Test
    void theProgramItselfParses() throws ScenarioError {
        assertTrue(Parser.parse("fuzz.py", PROGRAM).body().size() > 5);
    }

    private static void check(String source) {
        try {
            Parser.parse("fuzz.py", source);
        } catch (ScenarioError e) {
            long lines = source.lines().count() + 1;
            assertTrue(e.line() >= 1 && e.line() <= lines && e.col() >= 1, () -> e.getMessage() + " for " + source);
        } catch (RuntimeException | StackOverflowError e) {
            fail("parser threw " + e + " on input:\n" + source, e);
        }
    }

    /** Deletes, inserts, replaces, truncates, duplicates or cuts out a bit of text. */
    private static String mutate(String s, Random r) {
        int p = r.nextInt(s.length() + 1);
        String piece = PIECES.get(r.nextInt(PIECES.size()));
        return switch (r.nextInt(6)) {
            case 0 -> p < s.length() ? s.substring(0, p) + s.substring(p + 1) : s;
            case 1 -> s.substring(0, p) + piece + s.substring(p);
            case 2 -> p < s.length() ? s.substring(0, p) + piece + s.substring(p + 1) : s;
            case 3 -> s.substring(0, p);
            case 4 -> s.substring(0, p) + s.substring(p, Math.min(s.length(), p + r.nextInt(20))) + s.substring(p);
            default -> {
                int q = r.nextInt(s.length() + 1);
                yield s.substring(0, Math.min(p, q)) + s.substring(Math.max(p, q));
            }
        };
    }
}
