# Builtin exceptions raised by plain operations print with CPython's own messages:
# integer division by zero, missing dict key, list index, len() of an int, an
# undefined name, and an assert with a message.
# Why: scenarios print caught exceptions; the model must word them like CPython.
import asyncio

async def main():
    d = {"a": 1}
    xs = [1, 2]
    try:
        print(1 // 0)
    except ZeroDivisionError as e:
        print(repr(e))
    try:
        print(5 % 0)
    except ZeroDivisionError as e:
        print(repr(e))
    try:
        print(d["b"])
    except KeyError as e:
        print(repr(e), str(e))
    try:
        print(xs[5])
    except IndexError as e:
        print(repr(e))
    try:
        print(len(5))
    except TypeError as e:
        print(repr(e))
    try:
        print(undefined_name)
    except NameError as e:
        print(repr(e))
    try:
        assert xs == [2, 1], "order"
    except AssertionError as e:
        print(repr(e))

asyncio.run(main())
