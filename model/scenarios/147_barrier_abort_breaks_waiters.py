# Barrier: abort() makes every task blocked in wait() raise
# BrokenBarrierError('Abort or reset of barrier'); the barrier stays broken.
# Why: abort is how one party tells the others that the rendezvous will not happen.
import asyncio

barrier = asyncio.Barrier(3)

async def party(name):
    try:
        await barrier.wait()
        print(name, "passed (unexpected)")
    except asyncio.BrokenBarrierError as e:
        print(name, "got", repr(e))

async def main():
    tasks = [asyncio.create_task(party(n)) for n in ["a", "b"]]
    await asyncio.sleep(0)
    await barrier.abort()
    print("abort() returned; broken:", barrier.broken)
    await asyncio.gather(*tasks)
    print("n_waiting:", barrier.n_waiting, "broken:", barrier.broken)

asyncio.run(main())
