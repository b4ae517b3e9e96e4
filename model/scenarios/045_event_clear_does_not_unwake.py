# Event: set() immediately followed by clear() still wakes the current waiters:
# they return True although the flag is False by the time they run.
# Why: set() resolves the waiters' futures; clear() only resets the flag.
import asyncio

ev = asyncio.Event()

async def waiter(name):
    r = await ev.wait()
    print(name, "returned", r, "is_set now:", ev.is_set())

async def main():
    t1 = asyncio.create_task(waiter("a"))
    t2 = asyncio.create_task(waiter("b"))
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    await asyncio.gather(t1, t2)

asyncio.run(main())
