# CPython test_locks.py, BarrierTests.
# test_abort_barrier_when_tasks_half_draining_half_blocking: a later leaver of round
# one aborts; the two still draining and the two already blocked in round two all
# get BrokenBarrierError.
# Why: abort() hits draining and blocked parties alike, unlike reset().
import asyncio

async def main():
    N = 5
    barrier = asyncio.Barrier(N)
    results1 = []
    results2 = []
    blocking_tasks = N // 2
    count = 0

    async def coro():
        nonlocal count
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            results1.append(True)
        else:
            count += 1
            if count > blocking_tasks:
                await barrier.abort()
            else:
                try:
                    await barrier.wait()
                except asyncio.BrokenBarrierError:
                    results2.append(True)

    await asyncio.gather(*[asyncio.create_task(coro()) for i in range(N)])

    print(barrier.broken)
    print(results1, results2)
    print(barrier.n_waiting, "resetting" in repr(barrier))

asyncio.run(main())
