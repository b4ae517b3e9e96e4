# CPython test_locks.py, BarrierTests.test_filling_tasks_cancel_one: of two waiting
# tasks one is cancelled (n_waiting 2 -> 1); two newcomers then complete the round
# of three with the survivor.
# Why: a cancelled party leaves the count instead of breaking the barrier.
import asyncio

async def main():
    N = 3
    barrier = asyncio.Barrier(N)
    results = []

    async def coro():
        await barrier.wait()
        results.append(True)

    t1 = asyncio.create_task(coro())
    await asyncio.sleep(0)
    print(barrier.n_waiting)

    t2 = asyncio.create_task(coro())
    await asyncio.sleep(0)
    print(barrier.n_waiting)

    t1.cancel()
    await asyncio.sleep(0)
    print(barrier.n_waiting)
    try:
        await t1
    except asyncio.CancelledError:
        print("t1: CancelledError")
    print(t1.cancelled())

    t3 = asyncio.create_task(coro())
    await asyncio.sleep(0)
    print(barrier.n_waiting)

    t4 = asyncio.create_task(coro())
    await asyncio.gather(t2, t3, t4)

    print(len(results), all(results))
    print(barrier.n_waiting, barrier.broken)

asyncio.run(main())
