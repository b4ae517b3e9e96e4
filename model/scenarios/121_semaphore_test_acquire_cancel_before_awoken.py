# CPython test_locks.py, SemaphoreTests.test_acquire_cancel_before_awoken: four
# acquirers on Semaphore(0); the first two are cancelled and one release() follows;
# the unit goes to t3, not to a cancelled task, and t4 keeps waiting.
# Why: cancelled waiters must be skipped by release().
import asyncio

async def main():
    sem = asyncio.Semaphore(value=0)

    t1 = asyncio.create_task(sem.acquire())
    t2 = asyncio.create_task(sem.acquire())
    t3 = asyncio.create_task(sem.acquire())
    t4 = asyncio.create_task(sem.acquire())

    await asyncio.sleep(0)

    t1.cancel()
    t2.cancel()
    sem.release()

    await asyncio.sleep(0)
    await asyncio.sleep(0)
    num_done = sum([t.done() for t in [t3, t4]])
    print("num_done:", num_done)
    print("t3 done:", t3.done(), "t4 done:", t4.done())

    t3.cancel()
    t4.cancel()
    await asyncio.sleep(0)
    print("t3 cancelled:", t3.cancelled(), "t4 cancelled:", t4.cancelled())

asyncio.run(main())
