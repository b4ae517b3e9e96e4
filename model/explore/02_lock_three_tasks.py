# Explore: three tasks race for one Lock; each holds it across one yield.
# Every order of entry is possible; mutual exclusion must hold in all of them.
# explore: --cancel 0
import asyncio

lock = asyncio.Lock()

async def worker(name):
    async with lock:
        print(name, "in")
        await asyncio.sleep(0)
        print(name, "out")

async def main():
    await asyncio.gather(worker("a"), worker("b"), worker("c"))

asyncio.run(main())
