# The TypeError texts of CPython 3.12 for the binary operators of the subset:
# "can only concatenate str (not "int") to str" for a str, list or tuple on the left
# of +, "unsupported operand type(s) for +: 'int' and 'str'" otherwise, and the
# texts of unary minus, abs, ordering and %-formatting.
# Why: an exception's text is part of what the program prints.
import asyncio


def show(make):
    try:
        print(repr(make()))
    except TypeError as e:
        print("TypeError:", e)


async def main():
    show(lambda: "a" + 1)
    show(lambda: 1 + "a")
    show(lambda: [1] + (2,))
    show(lambda: (1,) + [2])
    show(lambda: [1] + "a")
    show(lambda: "a" + None)
    show(lambda: None + 1)
    show(lambda: {} + {})
    show(lambda: 1.5 + "a")
    show(lambda: "a" - "b")
    show(lambda: 1 - "a")
    show(lambda: 1 // "a")
    show(lambda: "a" // 1)
    show(lambda: 1 % "a")
    show(lambda: 1 / "a")
    show(lambda: [] * [])
    show(lambda: -"a")
    show(lambda: +[1])
    show(lambda: abs("a"))
    show(lambda: 1 < "a")
    show(lambda: [1] >= (1,))
    show(lambda: "%d" % "x")
    show(lambda: "a" ** 2)
    show(lambda: True + True)
    x = 1
    try:
        x += "a"
    except TypeError as e:
        print("TypeError:", e)
    s = "a"
    try:
        s += 1
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
