# CPython test_locks.py, SemaphoreTests.test_initial_value_zero: Semaphore(0) is locked.
# Why: locked() at value 0 with no waiters.
import asyncio

async def main():
    sem = asyncio.Semaphore(0)
    print(sem.locked())

asyncio.run(main())
