# CPython test_locks.py, LockTests.test_acquire_cancel: a task blocked in acquire()
# and cancelled from a call_soon callback raises CancelledError; no waiter is left.
# Why: cancellation delivered by a plain callback, not by another task.
import asyncio

async def main():
    lock = asyncio.Lock()
    print(await lock.acquire())

    task = asyncio.create_task(lock.acquire())
    asyncio.get_running_loop().call_soon(task.cancel)
    try:
        await task
    except asyncio.CancelledError:
        print("CancelledError")
    print("waiters empty:", not lock._waiters)

asyncio.run(main())
