# CPython test_locks.py, BarrierTests.test_abort_barrier: abort() of an idle
# Barrier(1), run as a task, leaves it broken with n_waiting 0.
# Why: abort() needs no waiters to break the barrier.
import asyncio

async def main():
    barrier = asyncio.Barrier(1)

    asyncio.create_task(barrier.abort())
    await asyncio.sleep(0)

    print(barrier.n_waiting, barrier.broken)

asyncio.run(main())
