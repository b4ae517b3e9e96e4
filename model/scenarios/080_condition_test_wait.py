# CPython test_locks.py, ConditionTests.test_wait: three waiters; notify() and
# notify(2) mark them, but each returns from wait() only when the lock is released,
# one per release(); each woken waiter keeps the lock (result 1, then 2, then 3).
# Why: the reference test of notify + lock hand-over, printed step by step.
import asyncio

async def main():
    cond = asyncio.Condition()
    result = []

    async def c1(result):
        await cond.acquire()
        if await cond.wait():
            result.append(1)
        return True

    async def c2(result):
        await cond.acquire()
        if await cond.wait():
            result.append(2)
        return True

    async def c3(result):
        await cond.acquire()
        if await cond.wait():
            result.append(3)
        return True

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))
    t3 = asyncio.create_task(c3(result))

    await asyncio.sleep(0)
    print(result, cond.locked())

    print(await cond.acquire())
    cond.notify()
    await asyncio.sleep(0)
    print(result, cond.locked())

    cond.release()
    await asyncio.sleep(0)
    print(result, cond.locked())

    cond.notify(2)
    await asyncio.sleep(0)
    print(result, cond.locked())

    cond.release()
    await asyncio.sleep(0)
    print(result, cond.locked())

    cond.release()
    await asyncio.sleep(0)
    print(result, cond.locked())

    print(t1.done(), t1.result())
    print(t2.done(), t2.result())
    print(t3.done(), t3.result())

asyncio.run(main())
