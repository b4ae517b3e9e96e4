# Methods of str, list and dict take every argument they are given, as CPython does: a
# separator and a limit for split, characters for strip, a count for replace, a tuple and a
# range for startswith, a range for count and index; positions count code points; a wrong
# number or type of arguments raises CPython's TypeError, worded as in each version.
# Why: the model once ignored arguments after the first (split(" ", 1) split everywhere).
import asyncio

CALLS = [
    ('"a".strip(1, 2)', lambda: "a".strip(1, 2)),
    ('"a".lstrip(1, 2)', lambda: "a".lstrip(1, 2)),
    ('"a".rstrip(" ", 2)', lambda: "a".rstrip(" ", 2)),
    ('"a".startswith()', lambda: "a".startswith()),
    ('"a".startswith("a", 1, 2, 3)', lambda: "a".startswith("a", 1, 2, 3)),
    ('"a".endswith()', lambda: "a".endswith()),
    ('"a".replace("a")', lambda: "a".replace("a")),
    ('"a".replace("a", "b", 1, 2)', lambda: "a".replace("a", "b", 1, 2)),
    ('"a".split(" ", 1, 2)', lambda: "a".split(" ", 1, 2)),
    ('"a".count()', lambda: "a".count()),
    ('"a".count("a", 1, 2, 3)', lambda: "a".count("a", 1, 2, 3)),
    ('"a".index()', lambda: "a".index()),
    ('"a".upper(1)', lambda: "a".upper(1)),
    ('"a".lower(1)', lambda: "a".lower(1)),
    ('"a".join()', lambda: "a".join()),
    ('"a".join([], 1)', lambda: "a".join([], 1)),
    ('"a".split(maxsplit="x")', lambda: "a".split(maxsplit="x")),
    ('"a".replace("a", "b", count=1)', lambda: "a".replace("a", "b", count=1)),
    ('"a".strip(5)', lambda: "a".strip(5)),
    ('"a".split(5)', lambda: "a".split(5)),
    ('"a".startswith(5)', lambda: "a".startswith(5)),
    ('"a".startswith(("a", 5))', lambda: "a".startswith(("a", 5))),
    ('"a".count(5)', lambda: "a".count(5)),
    ('"abc".index("z")', lambda: "abc".index("z")),
    ('"a".replace(1, "b")', lambda: "a".replace(1, "b")),
    ('"a".replace("a", 2)', lambda: "a".replace("a", 2)),
    ('[].append()', lambda: [].append()),
    ('[].append(1, 2)', lambda: [].append(1, 2)),
    ('[].index()', lambda: [].index()),
    ('[1].index(1, 0, 1, 2)', lambda: [1].index(1, 0, 1, 2)),
    ('[].count()', lambda: [].count()),
    ('[].count(1, 2)', lambda: [].count(1, 2)),
    ('[].pop(1, 2)', lambda: [].pop(1, 2)),
    ('[].insert(1)', lambda: [].insert(1)),
    ('[].remove()', lambda: [].remove()),
    ('[].clear(1)', lambda: [].clear(1)),
    ('[].extend()', lambda: [].extend()),
    ('[].copy(1)', lambda: [].copy(1)),
    ('[].reverse(1)', lambda: [].reverse(1)),
    ('[].sort(1)', lambda: [].sort(1)),
    ('{}.get()', lambda: {}.get()),
    ('{}.get(1, 2, 3)', lambda: {}.get(1, 2, 3)),
    ('{}.keys(1)', lambda: {}.keys(1)),
    ('{}.values(1)', lambda: {}.values(1)),
    ('{}.items(1)', lambda: {}.items(1)),
    ('{}.pop()', lambda: {}.pop()),
    ('{}.pop(1, 2, 3)', lambda: {}.pop(1, 2, 3)),
    ('{}.setdefault()', lambda: {}.setdefault()),
    ('[1, 2, 1].index(1, 1)', lambda: [1, 2, 1].index(1, 1)),
    ('[1, 2, 1].index(1, -1)', lambda: [1, 2, 1].index(1, -1)),
    ('[1, 2, 1].index(2, 0, 1)', lambda: [1, 2, 1].index(2, 0, 1)),
    ('"a b  c".split(None, 1)', lambda: "a b  c".split(None, 1)),
    ('"  a b  c  ".split(maxsplit=1)', lambda: "  a b  c  ".split(maxsplit=1)),
    ('"a,b,,c".split(",", 2)', lambda: "a,b,,c".split(",", 2)),
    ('"xxhixx".strip("x")', lambda: "xxhixx".strip("x")),
    ('"aaa".replace("a", "b", 2)', lambda: "aaa".replace("a", "b", 2)),
    ('"aaa".replace("", "-")', lambda: "aaa".replace("", "-")),
    ('"aaa".replace("", "-", 2)', lambda: "aaa".replace("", "-", 2)),
    ('"abc".startswith(("x", "a"))', lambda: "abc".startswith(("x", "a"))),
    ('"abc".startswith("b", 1)', lambda: "abc".startswith("b", 1)),
    ('"abc".endswith("b", 0, 2)', lambda: "abc".endswith("b", 0, 2)),
    ('"abc".startswith("", 4)', lambda: "abc".startswith("", 4)),
    ('"abc".startswith("", 3)', lambda: "abc".startswith("", 3)),
    ('"abcabc".count("bc")', lambda: "abcabc".count("bc")),
    ('"abc".count("", 1)', lambda: "abc".count("", 1)),
    ('"abc".count("", 4)', lambda: "abc".count("", 4)),
    ('"abcabc".index("c", 3)', lambda: "abcabc".index("c", 3)),
    ('"a".split("")', lambda: "a".split("")),
    ('"\\U0001F600ab".index("b")', lambda: "\U0001F600ab".index("b")),
    ('"ab\\U0001F600".strip("\\U0001F600")', lambda: "ab\U0001F600".strip("\U0001F600")),

]


async def main():
    for text, call in CALLS:
        try:
            print(text, repr(call()))
        except Exception as e:
            print(text, type(e).__name__, e)
        await asyncio.sleep(0)


asyncio.run(main())
