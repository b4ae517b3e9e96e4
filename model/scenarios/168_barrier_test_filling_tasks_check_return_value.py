# CPython test_locks.py, BarrierTests.test_filling_tasks_check_return_value: the
# indices returned by the second round are a permutation of 0..4 (here in the
# order shown), and both rounds were passed by all five tasks.
# Why: indices restart from 0 in each round.
import asyncio

async def main():
    N = 5
    barrier = asyncio.Barrier(N)
    results1 = []
    results2 = []

    async def coro():
        async with barrier:
            results1.append(True)

            async with barrier as i:
                results2.append(True)
                return i

    res = await asyncio.gather(*[asyncio.create_task(coro()) for i in range(N)])

    print(len(results1), all(results1), len(results2), all(results2))
    print(res, sorted(res) == list(range(N)))
    print(barrier.n_waiting, barrier.broken)

asyncio.run(main())
