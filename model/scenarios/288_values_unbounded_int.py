# Python's ints are unbounded: results past 64 bits are exact (int(1e30), 2**100,
# (-2**63) // -1, sums and products), compare exactly with floats, sort, key dicts,
# format with , and x, and come back to small values when they fit.
# Why: the model must never print a wrapped or saturated 64-bit value.
import asyncio


async def main():
    print(int(1e30), int("9" * 23), (-2**63) // -1, -(-2**63), abs(-2**63))
    big = 2 ** 100
    print(big, big * big, big - big + 7, big // 3, big % 7, -big // 3, -big % 7, big // -3)
    print(2**64 - 1, 0xffff_ffff_ffff_ffff + 1, 9223372036854775807 + 1, -9223372036854775808 - 1)
    print(sum([2**62, 2**62, 2**62]), max(2**70, 3, -2**80), min(2**70, 3, -2**80))
    print(sorted([2**70, -2**70, 0, 2**63, 2**63 - 1, -2**63]))
    print(1e30 == 10**30, 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 10**30 < float("inf"), 2**64 == 2.0**64)
    print(10**30 / 10**10, 2**100 / 2**99, 7 / 2, 10**20 // 7, (10**20) % -7)
    counts = {2**70: "big", 2**70 - 2**70: "zero"}
    print(counts[2**70], counts[0], 2**70 in counts, len(counts))
    print(f"{2**70:,} {2**70:x} {-255:x} {2**64:>24} {2**70!r}")
    print("%d %s" % (2**70, 2**70), str(-2**65), repr(2**65))
    print(2 ** -1, (-2) ** 3, 0 ** 0, (-1) ** (2**70 + 1), 1 ** (2**70), 2.0 ** 0.5)
    print(type(2**100).__name__, isinstance(2**100, int), bool(2**100), int(2**100) == 2**100)
    try:
        print(len(range(2**63 - 1, -2**63, -1)))
    except OverflowError as e:
        print("OverflowError:", e)
    r = range(2**62, 2**63 - 1, 2**61)
    print(list(r), len(r), r[-1], (2**62 + 2**61) in r)
    try:
        print(10 ** 400 + 1.0)
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print(10 ** 400 / 3)
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print(1 // (2**70 - 2**70))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(0 ** -1)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


asyncio.run(main())
