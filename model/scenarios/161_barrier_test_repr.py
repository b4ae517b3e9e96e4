# CPython test_locks.py, BarrierTests.test_repr: filling with 2/5 waiters, draining
# once all 5 arrived, resetting after reset() with 2 newcomers held back, broken
# after abort(); each waiter's outcome is printed at the end.
# Why: the four states of a Barrier, reached in one run.
import asyncio

async def main():
    N = 5
    barrier = asyncio.Barrier(N)
    print(repr(barrier))

    waiters = []
    async def wait(barrier):
        await barrier.wait()

    incr = 2
    for i in range(incr):
        waiters.append(asyncio.create_task(wait(barrier)))
    await asyncio.sleep(0)

    print(f"waiters:{incr}/{N}" in repr(barrier), repr(barrier))

    for i in range(barrier.parties - barrier.n_waiting):
        waiters.append(asyncio.create_task(wait(barrier)))
    await asyncio.sleep(0)
    print("draining" in repr(barrier), repr(barrier))

    for i in range(incr):
        waiters.append(asyncio.create_task(wait(barrier)))
    await asyncio.sleep(0)
    await barrier.reset()
    print("resetting" in repr(barrier), repr(barrier))

    for i in range(incr):
        waiters.append(asyncio.create_task(wait(barrier)))
    await asyncio.sleep(0)
    await barrier.abort()
    print("broken" in repr(barrier), repr(barrier), barrier.broken)

    results = await asyncio.gather(*waiters, return_exceptions=True)
    print([type(r).__name__ for r in results])

asyncio.run(main())
