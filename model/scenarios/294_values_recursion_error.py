# Unbounded recursion raises RecursionError("maximum recursion depth exceeded") at
# CPython's default limit, for a sync function, a coroutine awaiting itself, and a
# lambda; the program catches it and goes on, and a task that recurses fails with it.
# Why: the model must neither hang nor overflow its own stack.
import asyncio


def f(n):
    return f(n + 1)


async def g(n):
    return await g(n + 1)


h = lambda n: h(n + 1)


async def recurse_in_task():
    return f(0)


async def main():
    try:
        f(0)
    except RecursionError as e:
        print("sync:", type(e).__name__, e)
    try:
        await g(0)
    except RecursionError as e:
        print("async:", type(e).__name__, e)
    try:
        h(0)
    except RecursionError as e:
        print("lambda:", type(e).__name__, e)
    t = asyncio.create_task(recurse_in_task())
    await asyncio.gather(t, return_exceptions=True)
    print("task:", repr(t.exception()))
    print(sum(1 for _ in range(10)), "still running")


asyncio.run(main())
