# CPython test_locks.py, SemaphoreTests.test_repr: "[unlocked, value:1]>", then
# "[locked]>" without "waiters", then "waiters:1" and "waiters:2"; the test's mock
# waiters are replaced by real tasks blocked in acquire().
# Why: the repr of Semaphore in its states.
import asyncio

async def main():
    sem = asyncio.Semaphore()
    print("[unlocked, value:1]>" in repr(sem), repr(sem))

    await sem.acquire()
    print("[locked]>" in repr(sem), "waiters" not in repr(sem))

    t1 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    print("waiters:1" in repr(sem), repr(sem))

    t2 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    print("waiters:2" in repr(sem), repr(sem))

    t1.cancel()
    t2.cancel()
    await asyncio.gather(t1, t2, return_exceptions=True)
    print(repr(sem))

asyncio.run(main())
