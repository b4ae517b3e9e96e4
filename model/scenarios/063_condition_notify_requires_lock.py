# Condition: notify() and notify_all() without the lock held raise
# RuntimeError('cannot notify on un-acquired lock'), even with no waiter at all.
# Why: the check comes first; notifying an empty condition is still an error.
import asyncio

async def main():
    cond = asyncio.Condition()
    try:
        cond.notify()
    except RuntimeError as e:
        print("notify:", repr(e))
    try:
        cond.notify_all()
    except RuntimeError as e:
        print("notify_all:", repr(e))
    async with cond:
        cond.notify()
        cond.notify_all()
        print("with the lock held: no error")

asyncio.run(main())
