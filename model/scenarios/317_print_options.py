# print(*args, sep=, end=): None means the default, a str is used as is, anything else is
# CPython's TypeError before anything is printed; the items print with str().
# Why: the model once said "bad argument type for a builtin operation" for a sep that is not a str.
import asyncio


async def main():
    print("a", "b", sep=None)
    print("a", end=None)
    print("b", sep="", end="")
    print()
    print("x", 1, None, sep=", ")
    print(*"abc", sep="|")
    print(*[], sep="|")
    try:
        print("a", sep=1)
    except TypeError as e:
        print("TypeError", e)
    try:
        print("a", end=2)
    except TypeError as e:
        print("TypeError", e)
    print("multi\nline", "tab\tx")
    print(str("é"), repr("é"), "\u00e9" == "é")
    print([1.0, 2.5, -0.0, 1e100], (1e-7,), {"k": 1e16})
    print(f"{'nested {x}'}", f"{{braces}}", f"{1 + 1=}", f"{'a'!r:>5}")


asyncio.run(main())
