# Barrier: reset() while parties are waiting puts the barrier in "[resetting,
# waiters:0/P]" until they have all left with BrokenBarrierError; then it is
# "[filling, waiters:0/P]" again.
# Why: resetting is a transient state that only exists while waiters drain out.
import asyncio

barrier = asyncio.Barrier(3)

async def party(name):
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError:
        print(name, "broken out:", repr(barrier))

async def main():
    tasks = [asyncio.create_task(party(n)) for n in ["a", "b"]]
    await asyncio.sleep(0)
    print(repr(barrier))
    await barrier.reset()
    print("after reset():", repr(barrier))
    await asyncio.gather(*tasks)
    print("end:", repr(barrier))

asyncio.run(main())
