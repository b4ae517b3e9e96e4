# Task.cancelling() counts cancel() requests on a task that is not done; uncancel()
# decrements the count (never below 0) and returns the new value.
# Why: the bookkeeping that asyncio.timeout() relies on to tell its own cancel apart.
import asyncio

async def stubborn():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("caught; cancelling() =", me.cancelling())
        print("uncancel() ->", me.uncancel())
        print("uncancel() ->", me.uncancel())
        print("uncancel() ->", me.uncancel())
    return "survived"

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    print("before:", t.cancelling())
    t.cancel()
    t.cancel()
    print("after two cancel():", t.cancelling())
    print(await t, "cancelled:", t.cancelled(), "cancelling:", t.cancelling())

asyncio.run(main())
