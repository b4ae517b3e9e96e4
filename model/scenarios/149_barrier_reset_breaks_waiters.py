# Barrier: reset() makes the tasks blocked in wait() raise BrokenBarrierError,
# but, unlike abort(), leaves the barrier usable (not broken) afterwards.
# Why: reset is the recoverable counterpart of abort.
import asyncio

barrier = asyncio.Barrier(3)

async def party(name):
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print(name, "got", repr(e))

async def main():
    tasks = [asyncio.create_task(party(n)) for n in ["a", "b"]]
    await asyncio.sleep(0)
    await barrier.reset()
    await asyncio.gather(*tasks)
    print("broken:", barrier.broken, "n_waiting:", barrier.n_waiting)

asyncio.run(main())
