# CPython test_locks.py, BarrierTests.test_reset_barrier_when_tasks_half_draining:
# five tasks pass; the third one out calls reset() while two have not yet left, and
# those two get BrokenBarrierError although the barrier had tripped.
# (The test compares the private _count; here a counter of tasks that left does it.)
# Why: a reset during draining breaks the parties that are still inside wait().
import asyncio

async def main():
    N = 5
    barrier = asyncio.Barrier(N)
    results1 = []
    rest_of_tasks = N // 2
    left = 0

    async def coro():
        nonlocal left
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            results1.append(True)
        else:
            left += 1
            if left == N - rest_of_tasks:
                await barrier.reset()

    await asyncio.gather(*[asyncio.create_task(coro()) for i in range(N)])

    print(results1)
    print(barrier.n_waiting, "resetting" in repr(barrier), barrier.broken)

asyncio.run(main())
