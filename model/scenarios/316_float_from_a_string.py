# float(s) reads what CPython reads: whitespace, a sign, inf, infinity or nan in any case, a
# decimal literal with single underscores between digits, digits of any script; it refuses
# what only Java reads (1.5d, hex floats) and gives CPython's TypeError for other types.
# Why: the model once used Java's own syntax (float("-nan") and float("1_0.5") failed).
import asyncio

CALLS = [
    ('float("-nan")', lambda: float("-nan")),
    ('float("1_0.5")', lambda: float("1_0.5")),
    ('float("1.5d")', lambda: float("1.5d")),
    ('float("0x1p3")', lambda: float("0x1p3")),
    ('float("Infinity")', lambda: float("Infinity")),
    ('float("-INF")', lambda: float("-INF")),
    ('float("+inFinity")', lambda: float("+inFinity")),
    ('float(" 1.5 ")', lambda: float(" 1.5 ")),
    ('float("1e3")', lambda: float("1e3")),
    ('float("1E-3")', lambda: float("1E-3")),
    ('float(".5")', lambda: float(".5")),
    ('float("5.")', lambda: float("5.")),
    ('float(".")', lambda: float(".")),
    ('float("e5")', lambda: float("e5")),
    ('float("1e")', lambda: float("1e")),
    ('float("1__0")', lambda: float("1__0")),
    ('float("_1")', lambda: float("_1")),
    ('float("1_")', lambda: float("1_")),
    ('float("1e1_0")', lambda: float("1e1_0")),
    ('float("١٢")', lambda: float("١٢")),
    ('float("١.٥")', lambda: float("١.٥")),
    ('float("")', lambda: float("")),
    ('float("nan ")', lambda: float("nan ")),
    ('float("- 1")', lambda: float("- 1")),
    ('float("++1")', lambda: float("++1")),
    ('float("1.5f")', lambda: float("1.5f")),
    ('float("NaN")', lambda: float("NaN")),
    ('float("1e400")', lambda: float("1e400")),
    ('float("-0")', lambda: float("-0")),
    ('float("0.1")', lambda: float("0.1")),
    ('float("123456789012345678901234567890")', lambda: float("123456789012345678901234567890")),
    ('float(True)', lambda: float(True)),
    ('float(10**20)', lambda: float(10**20)),
    ('float(None)', lambda: float(None)),
    ('float([])', lambda: float([])),
]


async def main():
    for text, call in CALLS:
        try:
            print(text, repr(call()))
        except Exception as e:
            print(text, type(e).__name__, e)


asyncio.run(main())
