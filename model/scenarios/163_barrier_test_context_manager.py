# CPython test_locks.py, BarrierTests.test_context_manager: three tasks each get an
# index from `async with barrier as i`; together the indices are 0, 1, 2 (in the
# order shown here), and the barrier ends empty and not broken.
# Why: the context manager returns the index of wait().
import asyncio

async def main():
    N = 3
    barrier = asyncio.Barrier(N)
    results = []

    async def coro():
        async with barrier as i:
            results.append(i)

    await asyncio.gather(*[asyncio.create_task(coro()) for i in range(N)])

    print(results, sorted(results) == list(range(N)))
    print(barrier.n_waiting, barrier.broken)

asyncio.run(main())
