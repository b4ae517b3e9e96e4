# CPython test_locks.py, SemaphoreTests.test_acquire_fifo_order: three tasks each
# take the semaphore twice, sleeping 0.01 s inside; the order is c1_1 c2_1 c3_1
# c1_2 c2_2 c3_2. (The test's TaskGroup is replaced by gather.)
# Why: a task that releases and re-acquires queues behind the others.
import asyncio

async def main():
    sem = asyncio.Semaphore(1)
    result = []

    async def coro(tag):
        await sem.acquire()
        result.append(f"{tag}_1")
        await asyncio.sleep(0.01)
        sem.release()

        await sem.acquire()
        result.append(f"{tag}_2")
        await asyncio.sleep(0.01)
        sem.release()

    await asyncio.gather(coro("c1"), coro("c2"), coro("c3"))
    print(result)

asyncio.run(main())
