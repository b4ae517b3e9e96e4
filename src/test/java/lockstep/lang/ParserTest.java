package lockstep.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import lockstep.lang.Ast.*;

/**
 * Trees are compared in {@link AstDump}'s compact form. Most expected trees below were
 * produced by running CPython's own {@code ast} module on the same source through an
 * equivalent dumper, so they state what CPython parses.
 */
class ParserTest {

    static Ast.Module parse(String source) throws ScenarioError {
        return Parser.parse("t.py", source);
    }

    static String dump(String source) throws ScenarioError {
        return AstDump.module(parse(source));
    }

    /** The error as "LINE:COL KIND: DETAIL". */
    static String error(String source) {
        ScenarioError e = assertThrows(ScenarioError.class, () -> parse(source), source);
        assertEquals("t.py", e.file());
        return e.line() + ":" + e.col() + " " + e.kind() + ": " + e.detail();
    }

    static final String SAMPLE = """
            import asyncio

            lock = asyncio.Lock()

            async def worker(name):
                async with lock:
                    print(name, "in", repr(lock))
                    await asyncio.sleep(0)

            async def main():
                tasks = [asyncio.create_task(worker(n)) for n in "abc"]
                await asyncio.sleep(0)
                tasks[1].cancel()
                print(await asyncio.gather(*tasks, return_exceptions=True))

            asyncio.run(main())
            """;

    // ------------------------------------------------------------------ the contract's sample

    @Test
    void parsesTheContractSample() throws ScenarioError {
        assertEquals("{(import asyncio); (= lock (call (. asyncio Lock))); "
                + "(async-def worker (name) {(async-with lock {(call print name 'in' (call repr lock)); "
                + "(await (call (. asyncio sleep) 0))})}); "
                + "(async-def main () {(= tasks (listcomp (call (. asyncio create_task) (call worker n)) n 'abc')); "
                + "(await (call (. asyncio sleep) 0)); (call (. (sub tasks 1) cancel)); "
                + "(call print (await (call (. asyncio gather) *tasks return_exceptions=True)))}); "
                + "(call (. asyncio run) (call main))}", dump(SAMPLE));
    }

    @Test
    void sampleNodesCarryTheirPositions() throws ScenarioError {
        Ast.Module m = parse(SAMPLE);
        assertEquals("t.py", m.file());
        FunctionDef main = (FunctionDef) m.body().get(3);
        assertEquals(new Pos(10, 1), main.pos());
        Assign tasks = (Assign) main.body().get(0);
        ListComp comp = (ListComp) tasks.value();
        assertEquals(new Pos(11, 13), comp.pos());
        Call createTask = (Call) comp.elt();
        assertEquals(new Pos(11, 14), createTask.pos());
        assertEquals(new Pos(11, 34), createTask.args().get(0).pos());
        ExprStmt print = (ExprStmt) main.body().get(3);
        Call gather = (Call) ((Await) ((Call) print.value()).args().get(0).value()).value();
        assertEquals(new Pos(14, 17), gather.pos());
        assertEquals(List.of(new Pos(14, 32), new Pos(14, 40)),
                gather.args().stream().map(Arg::pos).toList());
        assertEquals(ArgKind.STAR, gather.args().get(0).kind());
        assertEquals("return_exceptions", gather.args().get(1).name());
    }

    // ------------------------------------------------------------------ statements

    @Test
    void imports() throws ScenarioError {
        assertEquals("{(import asyncio as aio); (import asyncio); (from asyncio Lock, Event as E); "
                + "(from asyncio Semaphore, Barrier as B)}", dump("""
                import asyncio as aio, asyncio
                from asyncio import Lock, Event as E
                from asyncio import (Semaphore,
                    Barrier as B,
                )
                """));
    }

    @Test
    void assignments() throws ScenarioError {
        assertEquals("{(= x 1); (= y 2.5); (= z 'abcd'); (= a b c None); (= t (tuple True False)); "
                + "(= (tuple a b) (tuple 1 2)); (= (tuple (tuple a b) [c d]) x); (= (sub d (tuple 1 2)) 3); "
                + "(= (. o attr) (sub d k) 5); (+= x 1); (-= x (call f y)); (*= x 2); (//= x 3); (%= x 4)}", dump("""
                x = 1; y = 2.5; z = 'a' "b" '''c''' \"""d\"""
                a = b = c = None
                t = True, False
                a, b = 1, 2
                (a, b), [c, d] = x
                d[1, 2] = 3
                o.attr = d[k] = 5
                x += 1
                x -= f(y)
                x *= 2
                x //= 3
                x %= 4
                """));
    }

    @Test
    void functionsWithAllParameterKinds() throws ScenarioError {
        assertEquals("{(def f (a b=1 *args c d=2) {(global g h); (def inner () {(nonlocal a); "
                + "(return (tuple a b))}); (return)}); (def g (* k) {pass})}", dump("""
                def f(a, b=1, *args, c, d=2):
                    global g, h
                    def inner():
                        nonlocal a
                        return a, b
                    return
                def g(*, k): pass
                """));
    }

    @Test
    void parametersAreStoredAsInAst() throws ScenarioError {
        FunctionDef f = (FunctionDef) parse("def f(a, b=1, *args, c, d=2): pass\n").body().get(0);
        Params p = f.params();
        assertEquals(List.of("a", "b"), p.names());
        assertEquals(1, p.defaults().size());
        assertEquals("args", p.vararg());
        assertEquals(List.of("c", "d"), p.kwOnly());
        assertEquals(null, p.kwDefaults().get(0));
        assertEquals(new Const(new Pos(1, 27), 2L), p.kwDefaults().get(1));
        assertEquals(false, f.isAsync());
        assertEquals(Params.NONE, ((FunctionDef) parse("def g(): pass").body().get(0)).params());
    }

    @Test
    void annotationsAreParsedAndDropped() throws ScenarioError {
        assertEquals("{(async-def f (a *b c=1) {pass})}",
                dump("async def f(a: int, *b: str, c: 'x' = 1) -> dict[str, int | None]:\n    pass\n"));
    }

    @Test
    void ifElifElseNestsElifInOrelse() throws ScenarioError {
        String source = """
                if a:
                    pass
                elif b:
                    x = 1
                elif c: y = 2
                else:
                    z = 3
                if a: b; c
                """;
        assertEquals("{(if a {pass} else {(if b {(= x 1)} else {(if c {(= y 2)} else {(= z 3)})})}); "
                + "(if a {b; c})}", dump(source));
        If elif = (If) ((If) parse(source).body().get(0)).orelse().get(0);
        assertEquals(new Pos(3, 1), elif.pos());
    }

    @Test
    void loops() throws ScenarioError {
        assertEquals("{(while (cmp x < 10) {(+= x 1); (if (cmp x == 5) {break}); continue} "
                + "else {(call print 'done')}); (for (tuple i v) (call enumerate lst) {(call print i v)} "
                + "else {pass}); (for (tuple a b) pairs {pass}); (for x (call range 10) {pass}); "
                + "(for x (tuple 1 2 3) {pass})}", dump("""
                while x < 10:
                    x += 1
                    if x == 5: break
                    continue
                else:
                    print("done")
                for i, v in enumerate(lst):
                    print(i, v)
                else:
                    pass
                for (a, b) in pairs: pass
                for x in range(10): pass
                for x in 1, 2, 3: pass
                """));
    }

    @Test
    void tryExceptElseFinally() throws ScenarioError {
        String source = """
                try:
                    risky()
                except ValueError:
                    pass
                except (KeyError, IndexError) as e:
                    print(e)
                except Exception as e:
                    raise
                except:
                    raise RuntimeError("x") from None
                else:
                    ok()
                finally:
                    cleanup()
                try:
                    pass
                finally:
                    pass
                """;
        assertEquals("{(try {(call risky)} (except ValueError {pass}) (except (tuple KeyError IndexError) as e "
                + "{(call print e)}) (except Exception as e {(raise)}) (except {(raise (call RuntimeError 'x') "
                + "from None)}) else {(call ok)} finally {(call cleanup)}); (try {pass} finally {pass})}",
                dump(source));
        Try t = (Try) parse(source).body().get(0);
        assertEquals(new Pos(5, 1), t.handlers().get(1).pos());
        assertEquals(new Pos(5, 8), t.handlers().get(1).type().pos());
    }

    @Test
    void raiseAndAssert() throws ScenarioError {
        assertEquals("{(raise); (raise E); (raise (call E 'msg')); (raise E from cause); (assert x); "
                + "(assert (cmp x == 1) 'message')}", dump("""
                raise
                raise E
                raise E("msg")
                raise E from cause
                assert x
                assert x == 1, "message"
                """));
    }

    @Test
    void asyncWithSeveralItemsNests() throws ScenarioError {
        String source = """
                async def m():
                    async with lock as l, cond:
                        await cond.wait()
                    async with (a as b,
                                c):
                        pass
                """;
        assertEquals("{(async-def m () {(async-with lock as l {(async-with cond {(await (call (. cond wait)))})}); "
                + "(async-with a as b {(async-with c {pass})})})}", dump(source));
        AsyncWith outer = (AsyncWith) ((FunctionDef) parse(source).body().get(0)).body().get(0);
        assertEquals(new Pos(2, 5), outer.pos());
        assertEquals(new Pos(2, 27), outer.body().get(0).pos());
        assertEquals("(async-with (tuple a b) as c {pass})",
                AstDump.block(((FunctionDef) parse("async def f():\n async with (a, b) as c: pass").body().get(0))
                        .body()).replaceAll("^\\{|}$", ""));
    }

    @Test
    void softKeywordsAreNamesWhenUsedAsNames() throws ScenarioError {
        assertEquals("{(def f () {(return 1)}); (= class_ 1); (= match 2); (call match x); (= type 3); "
                + "(call print (. (call type x) __name__)); (= _ match)}", dump("""
                def f(): return 1
                class_ = 1
                match = 2
                match(x)
                type = 3
                print(type(x).__name__)
                _ = match
                """));
    }

    // ------------------------------------------------------------------ expressions

    @Test
    void booleanOperatorsComparisonsAndArithmetic() throws ScenarioError {
        assertEquals("{(= x (or a b (and c d (not e)))); (= y (not (not a))); (= z (ifexp b a (ifexp d c e))); "
                + "(= w (lambda () 0)); (= v (lambda (a b=1 *c d e=2) (+ a b))); "
                + "(= u (cmp a < b <= c != d == e > f >= g)); (= s (cmp a is b is not c in d not in e)); "
                + "(= r (- (+ (- a) (+ b)) (- c))); (= q (- (% (// (/ (* a b) c) d) e) f)); "
                + "(= p (* (+ a b) (- c d))); (= o (- (- a b) c))}", dump("""
                x = a or b or c and d and not e
                y = not not a
                z = a if b else c if d else e
                w = lambda: 0
                v = lambda a, b=1, *c, d, e=2: a + b
                u = a < b <= c != d == e > f >= g
                s = a is b is not c in d not in e
                r = -a + +b - -c
                q = a * b / c // d % e - f
                p = (a + b) * (c - d)
                o = a - b - c
                """));
    }

    @Test
    void powerBindsTighterThanUnaryMinusOnItsLeftAndIsRightAssociative() throws ScenarioError {
        assertEquals("{(= x (- (** 2 (- (** 2 2))))); (async-def f () {(= y (** (await a) 2))}); (= z (** (- 2) 2))}",
                dump("x = -2 ** -2 ** 2\nasync def f():\n    y = await a ** 2\nz = (-2) ** 2\n"));
    }

    @Test
    void generatorExpressionsAsArgumentsAndInParentheses() throws ScenarioError {
        assertEquals("{(call print (call sum (genexp ts (lambda (.0) (listcomp (call (. t done)) t (tuple .0) (if t)))))); "
                + "(= g (genexp (call range 3) (lambda (.0) (listcomp (* x 2) x (tuple .0)))))}",
                dump("print(sum(t.done() for t in ts if t))\ng = (x * 2 for x in range(3))\n"));
    }

    @Test
    void intLiteralsBeyond64BitsAreBigIntegers() throws ScenarioError {
        assertEquals("{(= x 9223372036854775808); (= y 18446744073709551615)}", dump("x = 9223372036854775808\ny = 0xffff_ffff_ffff_ffff\n"));
    }

    @Test
    void precedenceOfNotUnaryAndAwait() throws ScenarioError {
        assertEquals("{(= x (not (cmp a == b))); (= y (ifexp (not b) a c)); (= z (- (sub a 1))); "
                + "(= w (lambda () (ifexp c a b)))}",
                dump("x = not a == b\ny = a if not b else c\nz = -a[1]\nw = lambda: a if c else b\n"));
        assertEquals("{(async-def g () {(= r (await (call (. asyncio wait_for) fut timeout=1))); "
                + "(= x (- (await (call f)))); (return (await x)); (call print (+ (await a) (await b))); "
                + "(listcomp (await t) t ts)})}", dump("""
                async def g():
                    r = await asyncio.wait_for(fut, timeout=1)
                    x = -await f()
                    return await x
                    print(await a + await b)
                    [await t for t in ts]
                """));
    }

    @Test
    void callsSubscriptsSlicesAndDisplays() throws ScenarioError {
        assertEquals("{(= x (ifexp 0 (call f a *b c k=1) (call (call (call g a) b) c))); "
                + "(= y (sub (sub (sub (sub (sub (sub (sub (. (. a b) c) 1) (slice 2 3 _)) (slice _ _ 2)) "
                + "(slice 1 _ _)) (slice _ 2 _)) (slice 1 2 3)) (tuple (slice _ _ _) 1))); "
                + "(= z (call (. (sub (. (call (. obj method)) attr) 0) other))); (= l [1 2 3]); (= e []); "
                + "(= t (tuple)); (= t1 (tuple 1)); (= t2 1); (= dd {}); (= d {'a': 1, 'b': [2], 3: {4: 5}}); "
                + "(= c (listcomp (* x 2) x (call range 10) (if (% x 2)) (if (cmp x > 3)))); "
                + "(= c2 (listcomp (tuple a b) (tuple a b) pairs))}", dump("""
                x = f(a, *b, c, k=1) if 0 else g(a)(b)(c)
                y = a.b.c[1][2:3][::2][1:][:2][1:2:3][:, 1]
                z = obj.method().attr[0].other()
                l = [1, 2, 3,]
                e = []
                t = ()
                t1 = (1,)
                t2 = (1)
                dd = {}
                d = {'a': 1, "b": [2], 3: {4: 5},}
                c = [x * 2 for x in range(10) if x % 2 if x > 3]
                c2 = [(a, b) for a, b in pairs]
                """));
    }

    @Test
    void printWithKeywordsAndBareTuples() throws ScenarioError {
        assertEquals("{(call print 'a' end='' sep='-'); (tuple 1 2)}",
                dump("print(\"a\", end=\"\", sep=\"-\")\n1, 2,\n"));
    }

    @Test
    void compositeNodesStartAtTheirFirstToken() throws ScenarioError {
        Assign a = (Assign) parse("x = (a + b) * f(c)\n").body().get(0);
        BinOp mul = (BinOp) a.value();
        assertEquals(new Pos(1, 5), mul.pos());          // at '(' as in CPython
        assertEquals(new Pos(1, 6), mul.left().pos());   // the inner BinOp starts at a
        assertEquals(new Pos(1, 15), mul.right().pos()); // a Call starts at its callee
        Assign b = (Assign) parse("y = obj.m(1)[2]\n").body().get(0);
        Subscript sub = (Subscript) b.value();
        assertEquals(new Pos(1, 5), sub.pos());
        assertEquals(new Pos(1, 5), ((Call) sub.value()).pos());
        assertEquals(new Pos(1, 14), sub.index().pos());
    }

    // ------------------------------------------------------------------ literals

    @Test
    void numbers() throws ScenarioError {
        assertEquals("{(= x (+ (+ (+ (+ (+ 31 15) 5) 1000000) 0) 0)); "
                + "(= y (+ (+ (+ (+ (+ 1.5 0.5) 2.0) 1000.0) 0.015) 10.01))}", dump("""
                x = 0x1F + 0o17 + 0b101 + 1_000_000 + 0 + 00
                y = 1.5 + .5 + 2. + 1e3 + 1.5e-2 + 1_0.0_1
                """));
        assertEquals(new Const(new Pos(1, 5), Long.MAX_VALUE),
                ((Assign) parse("x = 9223372036854775807").body().get(0)).value());
        assertEquals(new Const(new Pos(1, 1), 0.001), ((ExprStmt) parse("1e-3").body().get(0)).value());
    }

    @Test
    void stringsEscapesAndConcatenation() throws ScenarioError {
        assertEquals("{'abcd'; 'a\\nb\\tc\\\\d\\'e\"f'; 'ABé\0'; '\\\\d\\\\n'; 'x\\n  y'; 'ab'}",
                dump("""
                        'a' "b" 'c' 'd'
                        "a\\nb\\tc\\\\d\\'e\\"f"
                        '\\x41\\u0042\\u00e9\\0'
                        r'\\d' R"\\n"
                        '''x
                          y'''
                        'a\\
                        b'
                        """));
    }

    @Test
    void fStrings() throws ScenarioError {
        assertEquals("{(= s (f 'a' {x} 'b' {y!r} 'c' {z!s:>10} 'd{e}f' {w:.2f})); "
                + "(= s2 (f 'x=' {x!r} 'y = ' {y!s} 'plain')); (= s3 (f '\\\\d' {x} '\\\\nAB\\t\\\\\\'\0')); "
                + "(= s4 (f {'nested'} {(sub d 'k')} {(call f a b)})); (= s5 (f 'multi\\n' {x} '\\nline'))}", dump("""
                s = f"a{x}b{y!r}c{z!s:>10}d{{e}}f{w:.2f}"
                s2 = f'{x=}' f"{y = !s}" "plain"
                s3 = rf"\\d{x}" r'\\n' '\\x41\\u0042\\t\\\\\\'\\0'
                s4 = f"{'nested'}{d['k']}{f(a, b)}"
                s5 = f\"""multi
                {x}
                line\"""
                """));
        assertEquals("{(f {(tuple 1 2)} {x:%H:%M} {(sub d 'k')} '{}' {x:})}",
                dump("f'{1, 2}{x:%H:%M}' f\"{d[\"k\"]}\" f'{{}}' f'{x:}'\n"));
    }

    @Test
    void fStringExpressionsKeepTheirPositionsInTheFile() throws ScenarioError {
        FString f = (FString) ((Assign) parse("x = 1\ns = f'ab{x + y!r}'\n").body().get(1)).value();
        assertEquals(new Pos(2, 5), f.pos());
        FormattedValue v = (FormattedValue) f.parts().get(1);
        assertEquals('r', v.conversion());
        assertEquals(new Pos(2, 10), v.value().pos());
        assertEquals(new Pos(2, 14), ((BinOp) v.value()).right().pos());

        FString multi = (FString) ((ExprStmt) parse("f'''a\n  {\n  b}'''").body().get(0)).value();
        assertEquals(new Pos(3, 3), ((FormattedValue) multi.parts().get(1)).value().pos());
    }

    @Test
    void awaitInsideFStringFollowsTheEnclosingFunction() throws ScenarioError {
        assertEquals("{(async-def f () {(f {(await (call g))})})}", dump("async def f():\n    f'{await g()}'\n"));
        assertEquals("2:8 syntax error: 'await' outside async function", error("def f():\n    f'{await g()}'\n"));
    }

    // ------------------------------------------------------------------ layout

    @Test
    void layoutJoinsLinesAndAcceptsTabs() throws ScenarioError {
        assertEquals("{(= x (+ 1 2)); (= y (+ 1 2)); (def f (a b) {(return [a b])})}", dump("""
                x = (
                    1 +
                    2
                )
                y = 1 + \\
                    2
                def f(
                    a,
                    b,
                ):
                    # a comment

                    return [
                        a,
                        b,
                    ]
                """));
        assertEquals("{(if x {(= y 1); (if z {(= w 2)})})}", dump("if x:\n\ty = 1\n\tif z:\n\t\tw = 2\n"));
        assertEquals("{(if x {(= y 1)}); (= z 2)}", dump("if x:\n    \ty = 1\nz = 2\n"));
        assertEquals("{(= x 1); (= y 2)}", dump("x = 1\r\ny = 2"));
        assertEquals("{}", dump("# only a comment\n\n   \n"));
    }

    // ------------------------------------------------------------------ refusals and syntax errors

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("class A:\n    pass", "1:1 unsupported: class definitions"),
                Arguments.of("with open(f) as g:\n    pass", "1:1 unsupported: 'with' statements (only 'async with')"),
                Arguments.of("async def f():\n    async for x in y: pass", "2:5 unsupported: 'async for'"),
                Arguments.of("def f():\n    yield 1", "2:5 unsupported: yield"),
                Arguments.of("@dec\ndef f(): pass", "1:1 unsupported: decorators"),
                Arguments.of("f(**kw)", "1:3 unsupported: '**' arguments"),
                Arguments.of("def f(**kw): pass", "1:7 unsupported: '**' parameters"),
                Arguments.of("def f(a, /, b): pass", "1:10 unsupported: positional-only parameters '/'"),
                Arguments.of("x = {1, 2}", "1:5 unsupported: set literals"),
                Arguments.of("x = {k for k in y}", "1:5 unsupported: set comprehensions"),
                Arguments.of("x = {k: v for k, v in y}", "1:5 unsupported: dict comprehensions"),
                Arguments.of("x = {**a}", "1:6 unsupported: '**' unpacking in dict displays"),
                Arguments.of("del x", "1:1 unsupported: 'del'"),
                Arguments.of("import time", "1:1 unsupported: 'import time' (only asyncio can be imported)"),
                Arguments.of("from time import sleep", "1:1 unsupported: 'from time import' (only asyncio can be imported)"),
                Arguments.of("from . import x", "1:6 unsupported: relative imports"),
                Arguments.of("from asyncio import *", "1:21 unsupported: 'from asyncio import *'"),
                Arguments.of("if (n := 10) > 5: pass", "1:5 unsupported: walrus ':='"),
                Arguments.of("match x:\n    case 1: pass", "1:1 unsupported: 'match' statements"),
                Arguments.of("type X = int", "1:1 unsupported: 'type' statements"),
                Arguments.of("a, *b = c", "1:4 unsupported: star-unpacking in assignment"),
                Arguments.of("x = [*a, 1]", "1:6 unsupported: star-unpacking in list/tuple displays"),
                Arguments.of("for *a, b in c: pass", "1:5 unsupported: star-unpacking in 'for' targets"),
                Arguments.of("x = a @ b", "1:7 unsupported: operator '@'"),
                Arguments.of("x = a & b | c", "1:7 unsupported: operator '&'"),
                Arguments.of("x = a + b ^ c", "1:11 unsupported: operator '^'"),
                Arguments.of("x = ~a", "1:5 unsupported: operator '~'"),
                Arguments.of("x = a << 1", "1:7 unsupported: operator '<<'"),
                Arguments.of("x = a >> 1", "1:7 unsupported: operator '>>'"),
                Arguments.of("x /= 2", "1:3 unsupported: augmented assignment '/='"),
                Arguments.of("x |= 2", "1:3 unsupported: augmented assignment '|='"),
                Arguments.of("x: int = 1", "1:1 unsupported: annotated assignments"),
                Arguments.of("x = [a for a in b for c in a]", "1:19 unsupported: a second 'for' in a comprehension"),
                Arguments.of("x = [a async for a in b]", "1:8 unsupported: 'async for'"),
                Arguments.of("print(x for x in y for z in w)", "1:20 unsupported: a second 'for' in a comprehension"),
                Arguments.of("x = (x async for x in y)", "1:8 unsupported: 'async for'"),
                Arguments.of("try:\n    pass\nexcept* E:\n    pass", "3:7 unsupported: 'except*'"),
                Arguments.of("x = 1j", "1:5 unsupported: imaginary numbers"),
                Arguments.of("x = 0x" + "f".repeat(250_001), "1:5 unsupported: an integer literal this large"),
                Arguments.of("x = ...", "1:5 unsupported: '...' (Ellipsis)"),
                Arguments.of("x = b'abc'", "1:5 unsupported: bytes literals"),
                Arguments.of("x = '\\N{DASH}'", "1:6 unsupported: '\\N{...}' escapes"),
                Arguments.of("x = f'{a:{w}}'", "1:10 unsupported: nested replacement fields in f-string format specs"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesWhatIsOutsideTheSubset(String source, String expected) {
        assertEquals(expected, error(source));
    }

    /** Positions and messages as CPython 3.11/3.12 reports them (checked against python3 -c compile). */
    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                Arguments.of("x = (1,\n 2", "1:5 syntax error: '(' was never closed"),
                Arguments.of("x = [1, 2)", "1:10 syntax error: closing parenthesis ')' does not match opening parenthesis '['"),
                Arguments.of("x = 1)", "1:6 syntax error: unmatched ')'"),
                Arguments.of("if x\n  pass", "1:5 syntax error: expected ':'"),
                Arguments.of("if x:\npass", "2:1 syntax error: expected an indented block after 'if' statement on line 1"),
                Arguments.of("if x:\n    a\n  b", "3:3 syntax error: unindent does not match any outer indentation level"),
                Arguments.of("if x:\n    a\n        b", "3:9 syntax error: unexpected indent"),
                Arguments.of("if x:\n\tif y:\n        pass",
                        "3:9 syntax error: inconsistent use of tabs and spaces in indentation"),
                Arguments.of("x = 'abc", "1:5 syntax error: unterminated string literal (detected at line 1)"),
                Arguments.of("f(x for x in y, 1)", "1:3 syntax error: Generator expression must be parenthesized"),
                Arguments.of("x = " + "9".repeat(4301), "1:5 syntax error: Exceeds the limit (4300 digits) for integer string"
                        + " conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"
                        + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."),
                Arguments.of("x = '''abc\n\n",
                        "1:5 syntax error: unterminated triple-quoted string literal (detected at line 2)"),
                Arguments.of("def f(a=1, b): pass",
                        "1:12 syntax error: parameter without a default follows parameter with a default"),
                Arguments.of("def f(a, a): pass", "1:10 syntax error: duplicate argument 'a' in function definition"),
                Arguments.of("def f(*): pass", "1:7 syntax error: named arguments must follow bare *"),
                Arguments.of("f(a=1, b)", "1:8 syntax error: positional argument follows keyword argument"),
                Arguments.of("f(a=1, a=2)", "1:8 syntax error: keyword argument repeated: a"),
                Arguments.of("x = 0123", "1:5 syntax error: leading zeros in decimal integer literals are not permitted;"
                        + " use an 0o prefix for octal integers"),
                Arguments.of("x = 1abc", "1:5 syntax error: invalid decimal literal"),
                Arguments.of("x = 0x", "1:5 syntax error: invalid hexadecimal literal"),
                Arguments.of("x = 'a\\x4'", "1:7 syntax error: (unicode error) truncated \\xXX escape"),
                Arguments.of("f() = 1", "1:1 syntax error: cannot assign to function call"),
                Arguments.of("(a, f()) = 1, 2", "1:5 syntax error: cannot assign to function call"),
                Arguments.of("for f() in x: pass", "1:5 syntax error: cannot assign to function call"),
                Arguments.of("a, b += 1", "1:1 syntax error: 'tuple' is an illegal expression for augmented assignment"),
                Arguments.of("return 1", "1:1 syntax error: 'return' outside function"),
                Arguments.of("break", "1:1 syntax error: 'break' outside loop"),
                Arguments.of("def f():\n    continue", "2:5 syntax error: 'continue' not properly in loop"),
                Arguments.of("while x:\n    def f():\n        break", "3:9 syntax error: 'break' outside loop"),
                Arguments.of("await x", "1:1 syntax error: 'await' outside function"),
                Arguments.of("def f():\n    await x", "2:5 syntax error: 'await' outside async function"),
                Arguments.of("async def f():\n    g = lambda: await x", "2:17 syntax error: 'await' outside async function"),
                Arguments.of("def f():\n    async with a: pass", "2:5 syntax error: 'async with' outside async function"),
                Arguments.of("nonlocal x", "1:1 syntax error: nonlocal declaration not allowed at module level"),
                Arguments.of("x = a if b", "1:5 syntax error: expected 'else' after 'if' expression"),
                Arguments.of("x = $", "1:5 syntax error: invalid syntax"),
                Arguments.of("x = 1 2", "1:7 syntax error: invalid syntax"),
                Arguments.of("x = [1, 2,, 3]", "1:11 syntax error: invalid syntax"),
                Arguments.of("x = \\ y", "1:6 syntax error: unexpected character after line continuation character"),
                Arguments.of("  x = 1", "1:3 syntax error: unexpected indent"),
                Arguments.of("try:\n    pass\nx = 1", "3:1 syntax error: expected 'except' or 'finally' block"),
                Arguments.of("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass",
                        "3:1 syntax error: default 'except:' must be last"),
                Arguments.of("try:\n    pass\nexcept A, B:\n    pass",
                        "3:8 syntax error: multiple exception types must be parenthesized"),
                Arguments.of("x = f'{}'", "1:8 syntax error: f-string: valid expression required before '}'"),
                Arguments.of("x = f'{x!z}'", "1:10 syntax error: f-string: invalid conversion character: expected 's', 'r', or 'a'"),
                Arguments.of("x = f'a}'", "1:8 syntax error: f-string: single '}' is not allowed"),
                Arguments.of("x = f'{)}'", "1:8 syntax error: f-string: unmatched ')'"),
                Arguments.of("x = f'{a b}'", "1:10 syntax error: f-string: expecting '}'"),
                Arguments.of("x = 'a\0'", "1:7 syntax error: source code cannot contain null bytes"),
                Arguments.of("\\\n", "1:1 syntax error: unexpected EOF while parsing"),
                // as in CPython, a lexical error anywhere wins over the parser's errors...
                Arguments.of("x = 1 2\ny = 'abc", "2:5 syntax error: unterminated string literal (detected at line 2)"),
                Arguments.of("if x\n  y = 'abc", "2:7 syntax error: unterminated string literal (detected at line 2)"),
                // ...but an unclosed bracket only when the parser fails after the bracket's line
                Arguments.of("print('hello'\nx = 1\n", "1:6 syntax error: '(' was never closed"),
                Arguments.of("if x\n  y = (1,\n", "1:5 syntax error: expected ':'"),
                Arguments.of("def f(:\n    pass\n", "1:7 syntax error: invalid syntax"));
    }

    @ParameterizedTest
    @MethodSource("syntaxErrors")
    void reportsSyntaxErrorsWhereCPythonDoes(String source, String expected) {
        assertEquals(expected, error(source));
    }

    @Test
    void errorsNameTheFile() {
        ScenarioError e = assertThrows(ScenarioError.class, () -> Parser.parse("dir/x.py", "class A: pass"));
        assertEquals("dir/x.py:1:1: unsupported: class definitions", e.getMessage());
    }

    @Test
    void absurdNestingIsRefusedWithoutOverflowingTheStack() {
        String deep = "x = " + "-".repeat(100_000) + "1";
        ScenarioError e = assertThrows(ScenarioError.class, () -> parse(deep));
        assertEquals("unsupported", e.kind());
        String parens = "x = " + "(".repeat(300) + "1" + ")".repeat(300);
        assertEquals("1:205 syntax error: too many nested parentheses", error(parens));
    }

    @Test
    void moduleIsImmutable() throws ScenarioError {
        Ast.Module m = parse("x = 1");
        assertInstanceOf(Assign.class, m.body().get(0));
        assertThrows(UnsupportedOperationException.class, () -> m.body().add(new Pass(new Pos(1, 1))));
    }
}
