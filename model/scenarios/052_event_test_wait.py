# CPython test_locks.py, EventTests.test_wait: c1 and c2 wait first, c3 is created
# just before set() and has not run yet; it finds the flag set and finishes first:
# result is [3, 1, 2]. All tasks return None.
# Why: a waiter that arrives after set() passes without blocking and overtakes.
import asyncio

async def main():
    ev = asyncio.Event()
    print(ev.is_set())

    result = []

    async def c1(result):
        if await ev.wait():
            result.append(1)

    async def c2(result):
        if await ev.wait():
            result.append(2)

    async def c3(result):
        if await ev.wait():
            result.append(3)

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))

    await asyncio.sleep(0)
    print(result)

    t3 = asyncio.create_task(c3(result))

    ev.set()
    await asyncio.sleep(0)
    print(result)

    print(t1.done(), t1.result())
    print(t2.done(), t2.result())
    print(t3.done(), t3.result())

asyncio.run(main())
