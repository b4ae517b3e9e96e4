# CPython test_locks.py, BarrierTests.test_reset_barrier: reset() of an idle
# Barrier(1), run as a task, leaves it filling, empty and not broken.
# Why: reset() with nobody waiting goes straight back to filling.
import asyncio

async def main():
    barrier = asyncio.Barrier(1)

    asyncio.create_task(barrier.reset())
    await asyncio.sleep(0)

    print(barrier.n_waiting, barrier.broken, repr(barrier))

asyncio.run(main())
