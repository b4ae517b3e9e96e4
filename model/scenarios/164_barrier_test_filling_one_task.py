# CPython test_locks.py, BarrierTests.test_filling_one_task: a Barrier(1) is passed
# at once by its single party.
# Why: with one party the caller is always the last arrival.
import asyncio

async def main():
    barrier = asyncio.Barrier(1)

    async def f():
        async with barrier as i:
            print("index", i)
            return True

    ret = await f()

    print(ret, barrier.n_waiting, barrier.broken)

asyncio.run(main())
