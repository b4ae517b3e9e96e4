# CPython test_locks.py, ConditionTests.test_repr: "unlocked", then "locked", then
# "waiters:1" and "waiters:2"; the test's mock waiters are replaced by real tasks
# blocked in wait() (main re-acquires the lock after they released it).
# Why: the repr of Condition with and without waiters.
import asyncio

async def main():
    cond = asyncio.Condition()
    print("unlocked" in repr(cond), repr(cond))

    await cond.acquire()
    print("locked" in repr(cond), repr(cond))

    async def waiter():
        async with cond:
            await cond.wait()

    cond.release()
    t1 = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    await cond.acquire()
    print("waiters:1" in repr(cond), repr(cond))
    cond.release()

    t2 = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    await cond.acquire()
    print("waiters:2" in repr(cond), repr(cond))

    cond.notify_all()
    cond.release()
    await asyncio.gather(t1, t2)

asyncio.run(main())
