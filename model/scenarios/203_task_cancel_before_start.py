# Task: a task cancelled before it ever ran never executes its body at all; it is
# cancelled as soon as its first step runs.
# Why: cancel() before the first step throws into the coroutine at its very start.
import asyncio

async def body():
    print("body runs (not expected)")
    return 1

async def main():
    t = asyncio.create_task(body())
    t.cancel()
    print("done right after cancel():", t.done())
    await asyncio.sleep(0)
    print("done:", t.done(), "cancelled:", t.cancelled())

asyncio.run(main())
