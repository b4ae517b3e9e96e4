# CPython test_locks.py, ConditionTests.test_wait_cancel_contested: the waiter is
# notified, then a cancel and main's release() are queued by call_soon. The cancel
# hits the waiter while it re-acquires the lock: it takes the lock anyway, then
# raises CancelledError (the test accepts either outcome; the lock must be held).
# Why: the cancel arrives while the notified waiter contests the lock.
import asyncio

async def main():
    cond = asyncio.Condition()

    await cond.acquire()
    print(cond.locked())

    wait_task = asyncio.create_task(cond.wait())
    await asyncio.sleep(0)
    print(cond.locked())

    await cond.acquire()
    print(cond.locked())
    cond.notify()
    asyncio.get_running_loop().call_soon(wait_task.cancel)
    asyncio.get_running_loop().call_soon(cond.release)

    try:
        await wait_task
        print("wait_task finished normally")
    except asyncio.CancelledError:
        print("wait_task cancelled")

    print(cond.locked())

asyncio.run(main())
