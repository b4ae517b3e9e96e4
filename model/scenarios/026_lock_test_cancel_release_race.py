# CPython test_locks.py, LockTests.test_cancel_release_race (bpo-32734): one callback
# cancels the first waiter and then releases the lock; exactly one of the three
# lockit() tasks gets the lock, the second, and the third is still waiting.
# Why: release() must not hand the lock to the waiter that is being cancelled.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    lock_count = 0
    call_count = 0

    async def lockit():
        nonlocal lock_count
        nonlocal call_count
        call_count += 1
        await lock.acquire()
        lock_count += 1

    def trigger():
        t1.cancel()
        lock.release()

    await lock.acquire()

    t1 = asyncio.create_task(lockit())
    t2 = asyncio.create_task(lockit())
    t3 = asyncio.create_task(lockit())

    await asyncio.sleep(0)

    loop.call_soon(trigger)
    try:
        await t1
    except asyncio.CancelledError:
        print("t1 raised CancelledError")

    print("lock_count:", lock_count)
    print("call_count:", call_count)
    print("t1 cancelled:", t1.cancelled(), "t2 done:", t2.done())

    t3.cancel()
    await asyncio.sleep(0)
    print("t3 cancelled:", t3.cancelled())

asyncio.run(main())
