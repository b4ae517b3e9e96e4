# 27 must not fire: async with barrier, two parties.
# expect: none
# explore: --cancel 1
import asyncio

barrier = asyncio.Barrier(2)

async def party(name):
    try:
        async with barrier as i:
            print(name, "index", i)
    except (asyncio.CancelledError, asyncio.BrokenBarrierError) as e:
        print(name, type(e).__name__)

async def main():
    tasks = [asyncio.create_task(party(n)) for n in "ab"]
    await asyncio.sleep(0.1)
    await barrier.abort()
    await asyncio.gather(*tasks, return_exceptions=True)

asyncio.run(main())
