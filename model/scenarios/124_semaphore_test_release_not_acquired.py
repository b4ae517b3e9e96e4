# CPython test_locks.py, SemaphoreTests.test_release_not_acquired: release() of a
# fresh BoundedSemaphore raises ValueError.
# Why: the reference test for the bound check.
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore()
    try:
        sem.release()
        print("no error (unexpected)")
    except ValueError as e:
        print(type(e).__name__, e)

asyncio.run(main())
