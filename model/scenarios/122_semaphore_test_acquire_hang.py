# CPython test_locks.py, SemaphoreTests.test_acquire_hang: t1 is cancelled, then
# release(): t2 gets the unit and the semaphore is locked again.
# Why: before the fix, the release went to the cancelled t1 and t2 hung.
import asyncio

async def main():
    sem = asyncio.Semaphore(value=0)

    t1 = asyncio.create_task(sem.acquire())
    t2 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)

    t1.cancel()
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("locked:", sem.locked())
    print("t2 done:", t2.done())

asyncio.run(main())
