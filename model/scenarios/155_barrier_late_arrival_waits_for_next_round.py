# Barrier: a task that calls wait() while the barrier is still draining is held
# back until draining ends, and then counts for the next round (index 0).
# Why: draining keeps rounds separate; a fast party cannot join the previous round.
import asyncio

barrier = asyncio.Barrier(2)

async def party(name):
    i = await barrier.wait()
    print(name, "round 1 index", i)

async def late():
    print("late arrives:", repr(barrier))
    i = await barrier.wait()
    print("late passes round 2 with index", i)

async def main():
    t1 = asyncio.create_task(party("a"))
    await asyncio.sleep(0)
    t2 = asyncio.create_task(party("b"))
    t3 = asyncio.create_task(late())
    await asyncio.gather(t1, t2)
    print("round 1 done:", repr(barrier))
    i = await barrier.wait()
    print("main passes round 2 with index", i)
    await t3

asyncio.run(main())
