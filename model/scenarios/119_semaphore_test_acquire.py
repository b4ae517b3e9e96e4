# CPython test_locks.py, SemaphoreTests.test_acquire: Semaphore(3), main takes two
# units; of c1, c2, c3 only c1 gets the last one; two release() calls then let c2
# and c3 in, and c4 (created later) keeps waiting until the final release().
# Why: the reference test of counting and FIFO hand-over ("2 of 3" is, here, c2 and c3).
import asyncio

async def main():
    sem = asyncio.Semaphore(3)
    result = []

    print(await sem.acquire())
    print(await sem.acquire())
    print(sem.locked())

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

    async def c4(result):
        await sem.acquire()
        result.append(4)
        return True

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))
    t3 = asyncio.create_task(c3(result))

    await asyncio.sleep(0)
    print(result, sem.locked(), len(sem._waiters), repr(sem))

    t4 = asyncio.create_task(c4(result))

    sem.release()
    sem.release()
    print(repr(sem))

    await asyncio.sleep(0)
    print(result, sem.locked(), len(sem._waiters), repr(sem))

    print(t1.done(), t1.result())
    race_tasks = [t2, t3, t4]
    done_tasks = [t for t in race_tasks if t.done() and t.result()]
    print(len(done_tasks), [t.done() for t in race_tasks])

    sem.release()
    print(await asyncio.gather(*race_tasks))

asyncio.run(main())
