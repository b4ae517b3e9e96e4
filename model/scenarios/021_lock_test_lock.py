# CPython test_locks.py, LockTests.test_lock: `await lock` is a TypeError
# ("object Lock can't be used in 'await' expression") and leaves the lock unlocked.
# Why: locks are not awaitable (the pre-3.10 `with await lock` idiom is gone).
import asyncio

async def main():
    lock = asyncio.Lock()
    try:
        await lock
    except TypeError as e:
        print("TypeError:", e)
    print("locked:", lock.locked())

asyncio.run(main())
