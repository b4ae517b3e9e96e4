# repr as CPython: a list or dict that contains itself prints [...] or {...} where it
# recurs; str's repr escapes what str.isprintable refuses (controls, format
# characters such as U+200B, separators, unassigned code points) with \x, \u or
# \U, and picks its quotes as CPython does.
# Why: repr of a self-containing list must not raise, and escapes must match byte for byte.
import asyncio


async def main():
    a = [1]
    a.append(a)
    d = {"k": [1]}
    d["k"].append(d)
    e = {}
    e[1] = e
    b = [1, 2]
    print(a, d, e, [b, b], (a, 1), repr(a), str(a), f"{a}", f"{a!r}")
    print(repr(ValueError(a)), a == a, len(a))
    for s in ["\u200b", "\x00\t\n\r\x0b\x0c", "it's", 'say "hi"', "it's \"quoted\"", "\\", "\x7f\x80\x9f\xa0\xad",
              "\u2028\u2029\u3000\u00a0 ", "\ue000\U000e0001\U0010ffff\u0378\ufeff\u061c", "caf\xe9 \u4e2d \U0001f600",
              "\U000e0020\U0001d173"]:
        print(repr(s), len(s))


asyncio.run(main())
