# CPython test_locks.py, BarrierTests.test_filling_tasks_wait_twice: five tasks pass
# the barrier twice (nested `async with barrier`); the results hold five True (first
# pass) and five False (second pass), in the order shown.
# Why: a second round can start while the first one drains.
import asyncio

async def main():
    N = 5
    barrier = asyncio.Barrier(N)
    results = []

    async def coro():
        async with barrier:
            results.append(True)

            async with barrier:
                results.append(False)

    await asyncio.gather(*[asyncio.create_task(coro()) for i in range(N)])

    print(results)
    print(len(results), results.count(True), results.count(False))
    print(barrier.n_waiting, barrier.broken)

asyncio.run(main())
