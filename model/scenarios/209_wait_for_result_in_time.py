# asyncio.wait_for(): if the awaitable finishes before the timeout, wait_for returns
# its result (here from a coroutine and from a task); timeout=None waits forever.
# Why: the success path of wait_for.
import asyncio

async def slow(value, delay):
    await asyncio.sleep(delay)
    return value

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await asyncio.wait_for(slow("coro", 1), 2), loop.time() - t0)
    t = asyncio.create_task(slow("task", 1))
    print(await asyncio.wait_for(t, timeout=5), loop.time() - t0)
    print(await asyncio.wait_for(slow("no timeout", 3), None), loop.time() - t0)

asyncio.run(main())
