# CPython test_locks.py, LockTests.test_cancel_race: A holds the lock, B and C wait.
# A's blocker resolves and B is cancelled in the same step: A's release() must skip
# B's cancelled waiter and wake C. (The test's peek at _waiters[0] is left out.)
# Why: before the fix, release() tried to set the result of B's cancelled future.
import asyncio

async def main():
    lock = asyncio.Lock()

    async def lockit(name, blocker):
        await lock.acquire()
        print(name, "acquired")
        try:
            if blocker is not None:
                await blocker
        finally:
            lock.release()
            print(name, "released")

    fa = asyncio.get_running_loop().create_future()
    ta = asyncio.create_task(lockit("A", fa))
    await asyncio.sleep(0)
    print("locked:", lock.locked())
    tb = asyncio.create_task(lockit("B", None))
    await asyncio.sleep(0)
    print("waiters:", len(lock._waiters))
    tc = asyncio.create_task(lockit("C", None))
    await asyncio.sleep(0)
    print("waiters:", len(lock._waiters))

    fa.set_result(None)
    tb.cancel()
    await asyncio.sleep(0)
    print("locked:", lock.locked())
    print("A done:", ta.done())
    print("B cancelled:", tb.cancelled())
    await tc
    print("C done:", tc.done())

asyncio.run(main())
