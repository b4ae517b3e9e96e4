# CPython test_locks.py, BarrierTests.test_barrier: a new Barrier(5) is "filling";
# `await barrier` is a TypeError ("object Barrier can't be used in 'await'
# expression") and leaves it filling.
# Why: a Barrier is not awaitable; only wait() is.
import asyncio

async def main():
    barrier = asyncio.Barrier(5)
    print("filling" in repr(barrier))
    try:
        await barrier
    except TypeError as e:
        print("TypeError:", e)
    print("filling" in repr(barrier))

asyncio.run(main())
