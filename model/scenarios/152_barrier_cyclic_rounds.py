# Barrier: the same barrier serves round after round; each round hands out the
# indices 0..P-1 again, in order of arrival in that round.
# Why: a Barrier is cyclic; after draining it refills from zero.
import asyncio

barrier = asyncio.Barrier(2)

async def party(name, delay):
    for r in range(3):
        await asyncio.sleep(delay)
        i = await barrier.wait()
        print("round", r, name, "index", i)

async def main():
    await asyncio.gather(party("fast", 0), party("slow", 1))

asyncio.run(main())
