# CPython test_locks.py, ConditionTests.test_notify: notify(1) wakes one waiter;
# notify(1) then notify(2048) wake the remaining two.
# Why: notify(n) with n far beyond the number of waiters.
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

    async def c3(result):
        await cond.acquire()
        if await cond.wait():
            result.append(3)
            cond.release()
        return True

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))
    t3 = asyncio.create_task(c3(result))

    await asyncio.sleep(0)
    print(result)

    await cond.acquire()
    cond.notify(1)
    cond.release()
    await asyncio.sleep(0)
    print(result)

    await cond.acquire()
    cond.notify(1)
    cond.notify(2048)
    cond.release()
    await asyncio.sleep(0)
    print(result)

    print(t1.done(), t1.result())
    print(t2.done(), t2.result())
    print(t3.done(), t3.result())

asyncio.run(main())
