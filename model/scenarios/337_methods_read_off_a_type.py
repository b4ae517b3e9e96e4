# Methods of str, list, dict and tuple read off the type are method descriptors, called with
# their object first (str.upper("a"), key=str.lower), with CPython's repr, type name and
# errors for a missing or wrong object.
# Why: the model raised AttributeError: 'type' object has no attribute 'upper'.
import asyncio

async def main():
    l = [3, 1]
    list.append(l, 2)
    print(str.upper("a"), str.join(",", ["x", "y"]), l, list.index(l, 1), dict.get({1: 2}, 1), tuple.count((1, 1), 1))
    print(str.upper, list.append, type(str.lower).__name__, dict.keys)
    print([str.strip(" q ")])
    for call in [lambda: str.upper(), lambda: str.upper(5), lambda: list.append([], 1, 2), lambda: str.upper("a", "b"),
                 lambda: list.pop((1,)), lambda: dict.get([], 1)]:
        try:
            print(call())
        except TypeError as e:
            print("TypeError", e)
    print(sorted(["b", "A", "c"], key=str.lower), [str.upper(c) for c in "ab"])

asyncio.run(main())
