# Builtins given what they do not take raise CPython's errors, worded as each version words
# them: join of a non-iterable, sum of strings, in on a non-container, str, list, tuple and
# bool with too many arguments, dict of non-pairs, string indices, type() with two arguments,
# sorted(reverse=) in 3.10 and 3.11.
# Why: the model once summed strings, ignored extra arguments (str(1, 2) gave '1') and said
# "not iterable" where CPython says something else, and once reworded as "can only join an
# iterable" a TypeError raised while join iterated.
import asyncio

CALLS = [
    ('"a".join(5)', lambda: "a".join(5)),
    ('"".join(x + 1 for x in ["a"])', lambda: "".join(x + 1 for x in ["a"])),
    ('sorted(5)', lambda: sorted(5)),
    ('sum(5)', lambda: sum(5)),
    ('sum(["a"])', lambda: sum(["a"])),
    ('sum(["a"], "")', lambda: sum(["a"], "")),
    ('len()', lambda: len()),
    ('range("a")', lambda: range("a")),
    ('range(1.5)', lambda: range(1.5)),
    ('range(1, 2, 0)', lambda: range(1, 2, 0)),
    ('"a" in 5', lambda: "a" in 5),
    ('5 in "a"', lambda: 5 in "a"),
    ('isinstance(1, 5)', lambda: isinstance(1, 5)),
    ('any(5)', lambda: any(5)),
    ('min(5)', lambda: min(5)),
    ('str(1, 2)', lambda: str(1, 2)),
    ('repr()', lambda: repr()),
    ('list(1, 2)', lambda: list(1, 2)),
    ('tuple(5)', lambda: tuple(5)),
    ('dict(5)', lambda: dict(5)),
    ('dict([1])', lambda: dict([1])),
    ('bool(1, 2)', lambda: bool(1, 2)),
    ('abs("a")', lambda: abs("a")),
    ('max(1)', lambda: max(1)),
    ('sorted([1], key=5)', lambda: sorted([1], key=5)),
    ('sorted([1, 2], reverse="x")', lambda: sorted([1, 2], reverse="x")),
    ('[1, 2][None]', lambda: [1, 2][None]),
    ('[1, 2]["a"]', lambda: [1, 2]["a"]),
    ('{}[[1]]', lambda: {}[[1]]),
    ('"abc"["a"]', lambda: "abc"["a"]),
    ('(1, 2)[1.5]', lambda: (1, 2)[1.5]),
    ('[3][0:1:0]', lambda: [3][0:1:0]),
    ('isinstance(1, (int, 5))', lambda: isinstance(1, (int, 5))),
    ('type(1, 2)', lambda: type(1, 2)),
    ('int([1])', lambda: int([1])),
    ('int(None)', lambda: int(None)),
    ('str(b=1)', lambda: str(b=1)),
    ('"{}".upper(1)', lambda: "{}".upper(1)),
    ('[].append', lambda: [].append),
    ('None()', lambda: None()),
    ('"a"()', lambda: "a"()),
    ('[] + ()', lambda: [] + ()),
    ('() + []', lambda: () + []),
    ('[1] * -1', lambda: [1] * -1),
    ('"ab" * 0', lambda: "ab" * 0),
    ('-[1]', lambda: -[1]),
    ('not None', lambda: not None),
]


async def main():
    for text, call in CALLS:
        try:
            print(text, repr(call()))
        except Exception as e:
            print(text, type(e).__name__, e)


asyncio.run(main())
