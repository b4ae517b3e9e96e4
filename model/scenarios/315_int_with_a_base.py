# int(s, base) reads s in that base, as CPython: letters past 9, a prefix (0x, 0o, 0b)
# that names the base when base is 0 and may be given when it is 16, 8 or 2, underscores
# between digits and after a prefix; CPython's errors for a bad base, a non-string, a literal.
# Why: the model once ignored the base (int("12", 16) gave 12).
import asyncio

CALLS = [
    ('int("12", 16)', lambda: int("12", 16)),
    ('int("0x1f", 0)', lambda: int("0x1f", 0)),
    ('int("0x1f", 16)', lambda: int("0x1f", 16)),
    ('int("1f", 16)', lambda: int("1f", 16)),
    ('int("0b101", 0)', lambda: int("0b101", 0)),
    ('int("0o17", 0)', lambda: int("0o17", 0)),
    ('int("017", 0)', lambda: int("017", 0)),
    ('int("0", 0)', lambda: int("0", 0)),
    ('int("00", 0)', lambda: int("00", 0)),
    ('int("10", 0)', lambda: int("10", 0)),
    ('int("z", 36)', lambda: int("z", 36)),
    ('int("Z", 36)', lambda: int("Z", 36)),
    ('int("12", 2)', lambda: int("12", 2)),
    ('int("101", 2)', lambda: int("101", 2)),
    ('int("0x_1f", 16)', lambda: int("0x_1f", 16)),
    ('int("0x__1f", 16)', lambda: int("0x__1f", 16)),
    ('int("1_0", 2)', lambda: int("1_0", 2)),
    ('int(" -0X1F ", 0)', lambda: int(" -0X1F ", 0)),
    ('int("12", 1)', lambda: int("12", 1)),
    ('int("12", 37)', lambda: int("12", 37)),
    ('int(12, 10)', lambda: int(12, 10)),
    ('int("12", base=8)', lambda: int("12", base=8)),
    ('int("12", "8")', lambda: int("12", "8")),
    ('int("0b1", 16)', lambda: int("0b1", 16)),
    ('int("0b1", 2)', lambda: int("0b1", 2)),
    ('int("", 16)', lambda: int("", 16)),
    ('int("+", 0)', lambda: int("+", 0)),
    ('int("1_", 10)', lambda: int("1_", 10)),
    ('int("٣", 10)', lambda: int("٣", 10)),
    ('int("٣", 16)', lambda: int("٣", 16)),
    ('int("12", 10, 1)', lambda: int("12", 10, 1)),
    ('int(base=10)', lambda: int(base=10)),
]


async def main():
    for text, call in CALLS:
        try:
            print(text, repr(call()))
        except Exception as e:
            print(text, type(e).__name__, e)


asyncio.run(main())
