# CPython test_locks.py, BarrierTests.test_reset_barrier_while_tasks_waiting: four
# tasks wait on a 5-party barrier; a reset() task breaks all four out with
# BrokenBarrierError, and the barrier ends filling, not broken.
# Why: reset() is seen by every current waiter.
import asyncio

async def main():
    N = 5
    barrier = asyncio.Barrier(N)
    results = []

    async def coro():
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            results.append(True)

    async def coro_reset():
        await barrier.reset()

    tasks = [asyncio.create_task(coro()) for i in range(N - 1)]
    await asyncio.sleep(0)

    asyncio.create_task(coro_reset())
    await asyncio.gather(*tasks)

    print(len(results), all(results))
    print(barrier.n_waiting, "resetting" in repr(barrier), barrier.broken)

asyncio.run(main())
