# CPython test_locks.py, BarrierTests.
# test_reset_barrier_while_tasks_waiting_and_waiting_again: four waiters are broken
# out by reset() and wait again in their `finally`; a fifth task completes that
# round, so all five pass.
# Why: waiting again right after a BrokenBarrierError joins the next round.
import asyncio

async def main():
    N = 5
    barrier = asyncio.Barrier(N)
    results1 = []
    results2 = []

    async def coro1():
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            results1.append(True)
        finally:
            await barrier.wait()
            results2.append(True)

    async def coro2():
        async with barrier:
            results2.append(True)

    tasks = [asyncio.create_task(coro1()) for i in range(N - 1)]

    asyncio.create_task(barrier.reset())
    await asyncio.sleep(0)

    asyncio.create_task(coro2())

    await asyncio.gather(*tasks)

    print(barrier.broken)
    print(len(results1), all(results1))
    print(len(results2), all(results2))
    print(barrier.n_waiting)

asyncio.run(main())
