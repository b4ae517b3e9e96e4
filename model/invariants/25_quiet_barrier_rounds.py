# 25 must not fire: three parties go through a Barrier(3) twice.
# expect: none
# explore: --cancel 1
import asyncio

barrier = asyncio.Barrier(3)

async def party(name):
    try:
        for r in range(2):
            i = await barrier.wait()
            print(name, r, i)
    except (asyncio.CancelledError, asyncio.BrokenBarrierError) as e:
        print(name, type(e).__name__)

async def main():
    tasks = [asyncio.create_task(party(n)) for n in "abc"]
    await asyncio.sleep(1)
    await barrier.abort()
    await asyncio.gather(*tasks, return_exceptions=True)

asyncio.run(main())
