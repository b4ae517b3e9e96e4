# CPython test_locks.py, ConditionTests.test_wait_for_unacquired: wait_for() with a
# predicate that is already true returns its value without needing the lock; with a
# false predicate it must wait, and without the lock that is a RuntimeError.
# Why: the lock check happens in wait(), which wait_for() only calls when needed.
import asyncio

async def main():
    cond = asyncio.Condition()

    res = await cond.wait_for(lambda: [1, 2, 3])
    print(res)

    try:
        await cond.wait_for(lambda: False)
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
