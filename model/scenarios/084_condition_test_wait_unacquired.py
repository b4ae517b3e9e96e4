# CPython test_locks.py, ConditionTests.test_wait_unacquired: wait() without the
# lock raises RuntimeError.
# Why: the reference test for the wait precondition.
import asyncio

async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print(type(e).__name__, e)

asyncio.run(main())
