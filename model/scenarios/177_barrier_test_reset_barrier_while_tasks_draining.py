# CPython test_locks.py, BarrierTests.test_reset_barrier_while_tasks_draining: the
# last task out of round one resets and waits; the four others, already blocked in
# their second wait(), are not broken; then all five pass a third time.
# Why: reset() after draining finished affects only the round being filled.
import asyncio

async def main():
    N = 5
    barrier = asyncio.Barrier(N)
    results1 = []
    results2 = []
    results3 = []
    count = 0

    async def coro():
        nonlocal count

        i = await barrier.wait()
        count += 1
        if count == N:
            await barrier.reset()
            await barrier.wait()
        else:
            try:
                await barrier.wait()
                results1.append(True)
            except Exception as e:
                results2.append(True)

        k = await barrier.wait()
        results3.append(True)

    await asyncio.gather(*[asyncio.create_task(coro()) for i in range(N)])

    print(barrier.broken)
    print(len(results1), all(results1))
    print(len(results2))
    print(len(results3), all(results3))
    print(barrier.n_waiting)

asyncio.run(main())
