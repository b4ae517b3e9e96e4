# CPython test_locks.py, ConditionTests.test_notify_unacquired: notify() without the
# lock raises RuntimeError.
# Why: the reference test for the notify precondition.
import asyncio

async def main():
    cond = asyncio.Condition()
    try:
        cond.notify()
    except RuntimeError as e:
        print(type(e).__name__, e)

asyncio.run(main())
