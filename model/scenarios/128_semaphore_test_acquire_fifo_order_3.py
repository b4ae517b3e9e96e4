# CPython test_locks.py, SemaphoreTests.test_acquire_fifo_order_3: the first of three
# waiters is cancelled; two release() calls go to c2 and c3: result [2, 3].
# Why: FIFO order among the waiters that remain after a cancellation.
import asyncio

async def main():
    sem = asyncio.Semaphore(0)
    result = []

    async def c1(result):
        await sem.acquire()
        result.append(1)
        return True

    async def c2(result):
        await sem.acquire()
        result.append(2)
        return True

    async def c3(result):
        await sem.acquire()
        result.append(3)
        return True

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))
    t3 = asyncio.create_task(c3(result))

    await asyncio.sleep(0)

    t1.cancel()

    await asyncio.sleep(0)

    sem.release()
    sem.release()

    tasks = [t1, t2, t3]
    print(await asyncio.gather(*tasks, return_exceptions=True))
    print(result)

asyncio.run(main())
