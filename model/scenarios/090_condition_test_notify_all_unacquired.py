# CPython test_locks.py, ConditionTests.test_notify_all_unacquired: notify_all()
# without the lock raises RuntimeError (the message is notify()'s).
# Why: notify_all() delegates to notify(), error included.
import asyncio

async def main():
    cond = asyncio.Condition()
    try:
        cond.notify_all()
    except RuntimeError as e:
        print(type(e).__name__, e)

asyncio.run(main())
