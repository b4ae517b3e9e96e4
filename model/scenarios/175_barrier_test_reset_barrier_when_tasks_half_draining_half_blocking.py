# CPython test_locks.py, BarrierTests.
# test_reset_barrier_when_tasks_half_draining_half_blocking: after the first round,
# the early leavers block in a second wait(); a later leaver resets and waits again.
# The two still draining get BrokenBarrierError and wait again; the blocked ones
# are never broken, and everybody finally passes.
# Why: reset() while parties are both draining and blocked for the next round.
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
            await barrier.wait()
        else:
            count += 1
            if count > blocking_tasks:
                await barrier.reset()
                await barrier.wait()
            else:
                try:
                    await barrier.wait()
                except asyncio.BrokenBarrierError:
                    results2.append(True)

    await asyncio.gather(*[asyncio.create_task(coro()) for i in range(N)])

    print(results1, results2)
    print(barrier.n_waiting, "resetting" in repr(barrier), barrier.broken)

asyncio.run(main())
