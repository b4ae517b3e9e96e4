# Values: a float NaN is not equal to itself with ==, even the very same object;
# a list holding it still equals itself, and `in` finds it (containers compare
# identity first, as CPython's PyObject_RichCompareBool does).
import asyncio

async def main():
    nan = float("nan")
    print(nan == nan, nan != nan, nan == float("nan"))
    box = [nan]
    print(box == box, nan in box, box.count(nan), box.index(nan))
    print(1.0 == 1, float("inf") == float("inf"))

asyncio.run(main())
