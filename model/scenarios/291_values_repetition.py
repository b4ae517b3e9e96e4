# Repetition and concatenation of str, list and tuple: counts of 0 or below give an
# empty value, bool counts are ints, and a count past 64 bits is CPython's
# OverflowError; CPython's TypeError texts for non-int counts.
# Why: "ab" * 2**62 once gave length 0; repetition must never be silently wrong.
import asyncio


def show(make):
    try:
        print(repr(make()))
    except (OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)


async def main():
    show(lambda: "ab" * 3)
    show(lambda: 3 * "ab")
    show(lambda: "ab" * -3)
    show(lambda: [1, 2] * 2)
    show(lambda: 0 * [1, 2])
    show(lambda: (1,) * 3)
    show(lambda: "ab" * True)
    show(lambda: [[0] * 2] * 2)
    show(lambda: "a" * 2**64)
    show(lambda: "a" * -2**64)
    show(lambda: [1] * 2**64)
    show(lambda: "a" * 2.0)
    show(lambda: [1] * None)
    show(lambda: None * [1])
    show(lambda: "a" * "b")
    x = [1]
    x *= 3
    x += (2, 3)
    y = "ab"
    y *= 2
    print(x, y)


asyncio.run(main())
