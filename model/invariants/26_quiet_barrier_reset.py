# 26 must not fire: reset() while two parties wait: both raise BrokenBarrierError.
# expect: none
# explore: --cancel 1
import asyncio

barrier = asyncio.Barrier(3)

async def party(name):
    try:
        await barrier.wait()
        print(name, "passed")
    except asyncio.BrokenBarrierError:
        print(name, "broken")
    except asyncio.CancelledError:
        print(name, "cancelled")

async def main():
    tasks = [asyncio.create_task(party(n)) for n in "ab"]
    await asyncio.sleep(0.1)
    await barrier.reset()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(barrier.broken, barrier.n_waiting)

asyncio.run(main())
