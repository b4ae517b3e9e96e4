# CPython test_locks.py, BarrierTests.test_abort_barrier_when_exception_then_resetting:
# barrier1 is aborted by the failing party; the parties meet on barrier2, one of
# them resets barrier1, they meet again, and then all pass barrier1.
# Why: abort, synchronized reset, and reuse of the same barrier.
import asyncio

async def main():
    N = 5
    barrier1 = asyncio.Barrier(N)
    barrier2 = asyncio.Barrier(N)
    results1 = []
    results2 = []
    results3 = []

    async def coro():
        try:
            i = await barrier1.wait()
            if i == N // 2:
                raise RuntimeError
            await barrier1.wait()
            results1.append(True)
        except asyncio.BrokenBarrierError:
            results2.append(True)
        except RuntimeError:
            await barrier1.abort()

        i = await barrier2.wait()
        if i == N // 2:
            await barrier1.reset()
        await barrier2.wait()
        await barrier1.wait()
        results3.append(True)

    await asyncio.gather(*[asyncio.create_task(coro()) for i in range(N)])

    print(barrier1.broken)
    print(len(results1), len(results2), all(results2))
    print(len(results3), all(results3))
    print(barrier1.n_waiting)

asyncio.run(main())
