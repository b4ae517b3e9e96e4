# Wrong arguments to the asyncio API raise CPython's TypeError: the primitives' __init__
# counts its arguments, Semaphore compares its value with 0 first (a str cannot be), and
# create_task names the coroutine it is missing.
# Why: the model once said "bad argument type for a builtin operation" and "'str' object
# cannot be interpreted as an integer".
import asyncio


async def main():
    tests = [
        lambda: asyncio.Lock(1),
        lambda: asyncio.sleep(x=1),
        lambda: asyncio.Semaphore("a"),
        lambda: asyncio.BoundedSemaphore(None),
        lambda: asyncio.Event(1),
        lambda: asyncio.Condition(None, 2),
        lambda: asyncio.create_task(),
        lambda: asyncio.Semaphore(-1),
    ]
    for t in tests:
        try:
            r = t()
            print("no error", type(r).__name__)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
