# CPython test_locks.py, ConditionTests.test_notify_all: notify_all() wakes both
# waiters, which then run in FIFO order.
# Why: the reference test of the broadcast.
import asyncio

async def main():
    cond = asyncio.Condition()

    result = []

    async def c1(result):
        await cond.acquire()
        if await cond.wait():
            result.append(1)
            cond.release()
        return True

    async def c2(result):
        await cond.acquire()
        if await cond.wait():
            result.append(2)
            cond.release()
        return True

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))

    await asyncio.sleep(0)
    print(result)

    await cond.acquire()
    cond.notify_all()
    cond.release()
    await asyncio.sleep(0)
    print(result)

    print(t1.done(), t1.result())
    print(t2.done(), t2.result())

asyncio.run(main())
