# 10 must not fire (false-alarm class 1): a Barrier(3) party is cancelled; the cycle's
# other parties return fewer than three indices. A cancelled party returns no index:
# that is not a breach, only two parties returning the same index would be.
# expect: none
# explore: --cancel 1
import asyncio

barrier = asyncio.Barrier(3)

async def party(name):
    try:
        i = await barrier.wait()
        print(name, "passed", i)
    except asyncio.CancelledError:
        print(name, "cancelled")
    except asyncio.BrokenBarrierError:
        print(name, "broken")

async def main():
    tasks = [asyncio.create_task(party(n)) for n in "abc"]
    await asyncio.sleep(0.1)
    await barrier.abort()
    await asyncio.gather(*tasks, return_exceptions=True)

asyncio.run(main())
