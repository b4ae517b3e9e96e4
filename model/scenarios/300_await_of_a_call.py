# `await f(...)` runs f's coroutine at once; the coroutine object in between is never seen.
# It must behave as CPython does however the call is made: an async function (with no
# parameter too) or method,
# a sync function that returns a coroutine, a coroutine kept and awaited later (and again),
# an exception before and after a suspension, a cancel arriving two awaits deep, and the
# recursion limit reached through awaits.
# Why: the model runs an awaited call's frame directly, without a coroutine object.
import asyncio

async def deep(n):
    return await deep(n + 1)


async def nothing():
    return "nothing"


async def double(x):
    await asyncio.sleep(0)
    return 2 * x


def make(x):
    return double(x)


async def fails(early):
    if early:
        raise ValueError("before any await")
    await asyncio.sleep(0)
    raise KeyError("after an await")


async def inner(ev):
    try:
        await ev.wait()
    except asyncio.CancelledError:
        print("inner cancelled")
        raise


async def outer(ev):
    try:
        return await inner(ev)
    finally:
        print("outer finally")


async def main():
    print(await double(3), await make(4), await nothing())
    c = double(5)
    print("kept:", await c)
    try:
        await c
    except RuntimeError as e:
        print("again:", e)
    for early in (True, False):
        try:
            await fails(early)
        except (ValueError, KeyError) as e:
            print("caught", type(e).__name__, e)
    lock = asyncio.Lock()
    print("acquire:", await lock.acquire(), lock.locked())
    lock.release()
    ev = asyncio.Event()
    t = asyncio.create_task(outer(ev))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())
    try:
        await deep(0)
    except RecursionError as e:
        print("recursion:", e)
    print(await asyncio.wait_for(double(7), 1))


asyncio.run(main())
