# CPython test_locks.py, BarrierTests.test_barrier_parties: Barrier(0) and
# Barrier(-4) raise ValueError; Barrier(5) is a Barrier.
# Why: the reference test for the parties check.
import asyncio

async def main():
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Barrier(-4)
    except ValueError as e:
        print("ValueError:", e)
    print(isinstance(asyncio.Barrier(5), asyncio.Barrier))

asyncio.run(main())
