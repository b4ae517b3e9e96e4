# CPython test_locks.py, LockTests.test_release_no_waiters: acquire() then release()
# with nobody waiting leaves the lock unlocked.
# Why: the release path with an empty waiter queue.
import asyncio

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    print("locked:", lock.locked())
    lock.release()
    print("locked:", lock.locked())

asyncio.run(main())
