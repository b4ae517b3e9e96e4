# CPython test_locks.py, BarrierTests.test_abort_barrier_when_exception: the party
# with index 2 raises inside `async with barrier` and aborts; the four others get
# BrokenBarrierError from their second wait.
# Why: the usual error path: one failing party breaks the barrier for all.
import asyncio

async def main():
    N = 5
    barrier = asyncio.Barrier(N)
    results1 = []
    results2 = []

    async def coro():
        try:
            async with barrier as i:
                if i == N // 2:
                    raise RuntimeError
            async with barrier:
                results1.append(True)
        except asyncio.BrokenBarrierError:
            results2.append(True)
        except RuntimeError:
            await barrier.abort()

    await asyncio.gather(*[asyncio.create_task(coro()) for i in range(N)])

    print(barrier.broken)
    print(len(results1), len(results2), all(results2))
    print(barrier.n_waiting)

asyncio.run(main())
