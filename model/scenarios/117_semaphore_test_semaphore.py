# CPython test_locks.py, SemaphoreTests.test_semaphore: `await sem` is a TypeError
# ("object Semaphore can't be used in 'await' expression"); the value stays 1
# (read here through repr instead of the private _value).
# Why: semaphores are not awaitable.
import asyncio

async def main():
    sem = asyncio.Semaphore()
    print(repr(sem))
    try:
        await sem
    except TypeError as e:
        print("TypeError:", e)
    print(sem.locked(), repr(sem))

asyncio.run(main())
