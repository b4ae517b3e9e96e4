# CPython test_locks.py, BarrierTests.test_draining_state: each task looks at the
# repr right after passing; all but the last one to leave see "draining".
# Why: the barrier flips back to filling exactly when the last party leaves.
import asyncio

async def main():
    N = 5
    barrier = asyncio.Barrier(N)
    results = []

    async def coro():
        async with barrier:
            results.append("draining" in repr(barrier))

    await asyncio.gather(*[asyncio.create_task(coro()) for i in range(N)])

    print(results)
    print(results[-1], results.count(True) == N - 1)
    print(barrier.n_waiting, barrier.broken)

asyncio.run(main())
