# str % args formats as CPython's printf-style formatting: flags - + space # 0, width and
# precision (also *), %(key)s from a dict, d i u o x X e E f F g G c r s a and %%; floats
# rounded half to even from their exact value; CPython's errors for missing, extra or
# wrongly typed arguments and for unknown conversions.
# Why: the model once knew only %s, %r and %d, without flags or width ("%5.2f" % 2.5 gave "2.5.2f").
import asyncio

CALLS = [
    ('"%d items" % 3', lambda: "%d items" % 3),
    ('"%s-%s" % ("a", "b")', lambda: "%s-%s" % ("a", "b")),
    ('"%r" % "x"', lambda: "%r" % "x"),
    ('"%5.2f|" % 2.5', lambda: "%5.2f|" % 2.5),
    ('"%-6d|" % 42', lambda: "%-6d|" % 42),
    ('"%06.1f" % -3.14159', lambda: "%06.1f" % -3.14159),
    ('"%+d %+d" % (5, -5)', lambda: "%+d %+d" % (5, -5)),
    ('"% d" % 7', lambda: "% d" % 7),
    ('"%x %X %o" % (255, 255, 8)', lambda: "%x %X %o" % (255, 255, 8)),
    ('"%#x %#X %#o" % (255, 255, 8)', lambda: "%#x %#X %#o" % (255, 255, 8)),
    ('"%e" % 12345.678', lambda: "%e" % 12345.678),
    ('"%.3E" % 0.000123456', lambda: "%.3E" % 0.000123456),
    ('"%g" % 0.0001234', lambda: "%g" % 0.0001234),
    ('"%g" % 1234567.0', lambda: "%g" % 1234567.0),
    ('"%g" % 100000.0', lambda: "%g" % 100000.0),
    ('"%g" % 1e-5', lambda: "%g" % 1e-5),
    ('"%.3g" % 3.14159', lambda: "%.3g" % 3.14159),
    ('"%#g" % 1.0', lambda: "%#g" % 1.0),
    ('"%g" % 0.0', lambda: "%g" % 0.0),
    ('"%f" % -0.0', lambda: "%f" % -0.0),
    ('"%.0f" % 0.5', lambda: "%.0f" % 0.5),
    ('"%.0f" % 1.5', lambda: "%.0f" % 1.5),
    ('"%.2f" % 0.125', lambda: "%.2f" % 0.125),
    ('"%.2f" % 0.375', lambda: "%.2f" % 0.375),
    ('"%d" % 2.7', lambda: "%d" % 2.7),
    ('"%d" % -2.7', lambda: "%d" % -2.7),
    ('"%d" % True', lambda: "%d" % True),
    ('"%s" % True', lambda: "%s" % True),
    ('"%s" % None', lambda: "%s" % None),
    ('"%s" % [1, 2]', lambda: "%s" % [1, 2]),
    ('"%s" % (1,)', lambda: "%s" % (1,)),
    ('"%5s|%-5s|" % ("ab", "cd")', lambda: "%5s|%-5s|" % ("ab", "cd")),
    ('"%.2s" % "hello"', lambda: "%.2s" % "hello"),
    ('"%c%c" % (65, "b")', lambda: "%c%c" % (65, "b")),
    ('"%*d|" % (5, 3)', lambda: "%*d|" % (5, 3)),
    ('"%-*d|" % (5, 3)', lambda: "%-*d|" % (5, 3)),
    ('"%.*f" % (2, 3.14159)', lambda: "%.*f" % (2, 3.14159)),
    ('"%(a)s and %(b)d" % {"a": "x", "b": 2}', lambda: "%(a)s and %(b)d" % {"a": "x", "b": 2}),
    ('"%%d" % ()', lambda: "%%d" % ()),
    ('"%d" % "x"', lambda: "%d" % "x"),
    ('"%x" % 2.5', lambda: "%x" % 2.5),
    ('"%f" % "x"', lambda: "%f" % "x"),
    ('"%d %d" % (1,)', lambda: "%d %d" % (1,)),
    ('"%d" % (1, 2)', lambda: "%d" % (1, 2)),
    ('"abc" % 5', lambda: "abc" % 5),
    ('"abc" % []', lambda: "abc" % []),
    ('"abc" % {}', lambda: "abc" % {}),
    ('"%y" % 1', lambda: "%y" % 1),
    ('"%" % 1', lambda: "%" % 1),
    ('"%(a)s" % 5', lambda: "%(a)s" % 5),
    ('"%(z)s" % {"a": 1}', lambda: "%(z)s" % {"a": 1}),
    ('"%c" % "ab"', lambda: "%c" % "ab"),
    ('"%c" % -1', lambda: "%c" % -1),
    ('"%f" % float("inf")', lambda: "%f" % float("inf")),
    ('"%010.3f" % float("-inf")', lambda: "%010.3f" % float("-inf")),
    ('"%g" % float("nan")', lambda: "%g" % float("nan")),
    ('"%5.1e" % 9.96', lambda: "%5.1e" % 9.96),
    ('"%.1e" % 9.96', lambda: "%.1e" % 9.96),
    ('"%g" % 999999.5', lambda: "%g" % 999999.5),
    ('"%g" % 1e16', lambda: "%g" % 1e16),
    ('"%.10g" % 0.1', lambda: "%.10g" % 0.1),
    ('"%d" % 10**30', lambda: "%d" % 10**30),
    ('"%x" % -255', lambda: "%x" % -255),
    ('"%.3d" % 7', lambda: "%.3d" % 7),
    ('"%a" % "é"', lambda: "%a" % "é"),
    ('"%s" % "é"', lambda: "%s" % "é"),
    ('"%i|%u" % (3, 4)', lambda: "%i|%u" % (3, 4)),
    ('"%F" % 1.5', lambda: "%F" % 1.5),
    ('"%.15f" % 0.1', lambda: "%.15f" % 0.1),
    ('"%.20f" % 0.1', lambda: "%.20f" % 0.1),
    ('"%.17g" % 0.1', lambda: "%.17g" % 0.1),
    ('"%10.4s|" % "abcdefg"', lambda: "%10.4s|" % "abcdefg"),
    ('"%-010d|" % 5', lambda: "%-010d|" % 5),
    ('"%+.2e" % 0.0', lambda: "%+.2e" % 0.0),
    ('"%#.0f" % 3.0', lambda: "%#.0f" % 3.0),
    ('"%#.0e" % 3.0', lambda: "%#.0e" % 3.0),
    ('"%.0e" % 25.0', lambda: "%.0e" % 25.0),
    ('"%.0e" % 35.0', lambda: "%.0e" % 35.0),
]


async def main():
    for text, call in CALLS:
        try:
            print(text, repr(call()))
        except Exception as e:
            print(text, type(e).__name__, e)


asyncio.run(main())
