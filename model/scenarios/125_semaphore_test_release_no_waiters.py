# CPython test_locks.py, SemaphoreTests.test_release_no_waiters: acquire() locks a
# Semaphore(1), release() unlocks it.
# Why: the release path with no waiter.
import asyncio

async def main():
    sem = asyncio.Semaphore()
    await sem.acquire()
    print(sem.locked())
    sem.release()
    print(sem.locked())

asyncio.run(main())
