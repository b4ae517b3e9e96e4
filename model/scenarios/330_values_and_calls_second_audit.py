# What a second audit against the five oracles found wrong, each call with its result or
# its exception: -0.0 against the int 0 (it compared as less), the arity message of a
# function with defaults ("from 1 to 2") or keyword-only parameters, max() naming '>',
# min()/max() with key=None, sorted(reverse=True) comparing as CPython does (reversed,
# sorted, reversed back), tuple.index/count and dict.clear/copy (they raised AttributeError),
# list.pop of a non-int, and pop of a missing unhashable key from an empty dict.
# Why: each printed a wrong answer where CPython prints this.
import asyncio


def two(a, b=1):
    return a + b


def keyword_only(a, *, k):
    return a + k


async def main():
    z = -0.0
    print(z == 0, z < 0, z >= 0, z in [0], z == False, [0, 1].index(-0.0), {0: "a"}.get(-0.0))
    t = (1, 2, 2, 3)
    d = {1: 2, 3: 4}
    e = d.copy()
    e[5] = 6
    d.clear()
    print(t.index(2), t.count(2), t.index(3, 1, 4), d, e)
    calls = [
        ('two(1, 2, 3)', lambda: two(1, 2, 3)),
        ('two()', lambda: two()),
        ('keyword_only(1, 2, k=3)', lambda: keyword_only(1, 2, k=3)),
        ('keyword_only(1, 2)', lambda: keyword_only(1, 2)),
        ('(lambda x=1: x)(1, 2)', lambda: (lambda x=1: x)(1, 2)),
        ('max(1, None)', lambda: max(1, None)),
        ('min(1, None)', lambda: min(1, None)),
        ('max([2, 1], key=None)', lambda: max([2, 1], key=None)),
        ('min([2, 1], key=None)', lambda: min([2, 1], key=None)),
        ('sorted([None, 1], reverse=True)', lambda: sorted([None, 1], reverse=True)),
        ('sorted([3, 1, 2], reverse=True)', lambda: sorted([3, 1, 2], reverse=True)),
        ('t.index(9)', lambda: t.index(9)),
        ('t.count()', lambda: t.count()),
        ('d.clear(1)', lambda: d.clear(1)),
        ('[].pop("a")', lambda: [].pop("a")),
        ('[1].pop("a")', lambda: [1].pop("a")),
        ('[].pop(None)', lambda: [].pop(None)),
        ('[1, 2].pop(5)', lambda: [1, 2].pop(5)),
        ('{}.pop([])', lambda: {}.pop([])),
        ('{}.pop([], 7)', lambda: {}.pop([], 7)),
        ('{1: 2}.pop([])', lambda: {1: 2}.pop([])),
    ]
    for text, call in calls:
        try:
            print(text, "->", call())
        except Exception as e:
            print(text, type(e).__name__, e)


asyncio.run(main())
