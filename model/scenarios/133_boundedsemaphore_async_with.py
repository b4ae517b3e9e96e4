# BoundedSemaphore: balanced use through `async with` never trips the bound, even
# with waiters handing units to each other; the value returns to the initial one.
# Why: the ordinary, correct use of a bounded semaphore.
import asyncio

sem = asyncio.BoundedSemaphore(2)

async def worker(name):
    async with sem:
        print(name, "inside")
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*[worker(n) for n in ["a", "b", "c", "d"]])
    print(repr(sem))

asyncio.run(main())
