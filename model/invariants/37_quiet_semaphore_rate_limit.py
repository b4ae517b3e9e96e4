# 37 must not fire: a BoundedSemaphore(2) guards five requests; each holds it for a while.
# expect: none
# explore: --cancel 1
import asyncio

sem = asyncio.BoundedSemaphore(2)

async def request(i):
    async with sem:
        await asyncio.sleep(0.01)
        return i * i

async def main():
    results = await asyncio.gather(*[request(i) for i in range(5)], return_exceptions=True)
    print([r for r in results if not isinstance(r, BaseException)])

asyncio.run(main())
