# int() of floats and strings as CPython: truncation toward zero, OverflowError for
# infinities, ValueError for NaN; strings with surrounding whitespace, one sign,
# single underscores between digits, and CPython's texts for everything else,
# including the 4300-digit limit of str <-> int conversions.
# Why: int() must never saturate or accept what CPython refuses.
import asyncio


def show(make):
    try:
        print(repr(make()))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)


async def main():
    for f in [1e30, -2.7, 2.7, 1e19, -1e19, 0.5, -0.0, float("inf"), float("-inf"), float("nan")]:
        show(lambda: int(f))
    for s in ["9" * 23, " -1_000 ", "+7", "\t42\n", "00", "010", "1__0", "_1", "1_", "+ 1", "",
              "   ", "0x10", "1.5", "12a", "\u00a012\u2003", "-0", "9" * 4300]:
        show(lambda: int(s))
    show(lambda: int("9" * 4301))
    show(lambda: str(10 ** 4300))
    show(lambda: len(str(10 ** 4299)))
    show(lambda: int(None))
    show(lambda: int([1]))
    show(lambda: int(True) + int(False))
    show(lambda: float(10 ** 400))
    show(lambda: float(2 ** 80))


asyncio.run(main())
