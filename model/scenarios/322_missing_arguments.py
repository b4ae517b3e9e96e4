# Calls with a missing or extra argument raise the TypeError CPython raises, worded as each
# builtin is declared there: range, isinstance, sorted, min, max, reversed ("... expected at
# least 1 argument, got 0"), sum, repr, len, any, all, abs, Future.set_result and
# set_exception (pure Python in the 3.10 oracle), timeout.
# Why: the model once said "bad argument type for a builtin operation", and min() gave a ValueError.
import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    tests = [
        ("repr()", lambda: repr()),
        ("len(1, 2)", lambda: len(1, 2)),
        ("range()", lambda: range()),
        ("range(1, 2, 3, 4)", lambda: range(1, 2, 3, 4)),
        ("isinstance(1)", lambda: isinstance(1)),
        ("any()", lambda: any()),
        ("all(1, 2)", lambda: all(1, 2)),
        ("abs()", lambda: abs()),
        ("reversed()", lambda: reversed()),
        ("fut.set_result()", lambda: fut.set_result()),
        ("fut.set_exception()", lambda: fut.set_exception()),
        ("timeout()", lambda: asyncio.timeout()),
        ("sorted()", lambda: sorted()),
        ("min()", lambda: min()),
        ("sum()", lambda: sum()),
    ]
    for text, call in tests:
        try:
            print(text, repr(call()))
        except Exception as e:
            print(text, type(e).__name__, e)


asyncio.run(main())
