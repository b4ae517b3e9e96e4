# Semaphore: `async with sem` lets at most `value` tasks inside the block at once;
# the others wait at the entrance and go in as tasks leave.
# Why: the main use of a semaphore: bounding concurrency.
import asyncio

sem = asyncio.Semaphore(2)
inside = []

async def worker(name):
    async with sem as v:
        inside.append(name)
        print(name, "enters; inside:", inside, "as:", v)
        await asyncio.sleep(1)
        inside.remove(name)
    print(name, "leaves")

async def main():
    await asyncio.gather(*[worker(n) for n in ["a", "b", "c", "d", "e"]])
    print(repr(sem))

asyncio.run(main())
