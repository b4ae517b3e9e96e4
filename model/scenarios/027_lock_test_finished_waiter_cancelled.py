# CPython test_locks.py, LockTests.test_finished_waiter_cancelled: the first waiter
# is cancelled and then woken by release(); the second waiter, created before, must
# still get the lock.
# Why: before the fix the second waiter was never woken.
import asyncio

async def main():
    lock = asyncio.Lock()

    await lock.acquire()
    print("locked:", lock.locked())

    tb = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print("waiters:", len(lock._waiters))

    tc = asyncio.create_task(lock.acquire())
    tb.cancel()
    lock.release()
    await asyncio.sleep(0)

    print("locked:", lock.locked())
    print("tb cancelled:", tb.cancelled())

    print("tc result:", await tc)

asyncio.run(main())
