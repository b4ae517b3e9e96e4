# CPython test_locks.py, SemaphoreTests.test_acquire_cancel: a blocked acquire()
# task cancelled from call_soon raises CancelledError; no live waiter remains.
# Why: cancellation cleans up the semaphore's waiter queue.
import asyncio

async def main():
    sem = asyncio.Semaphore()
    await sem.acquire()

    acquire = asyncio.create_task(sem.acquire())
    asyncio.get_running_loop().call_soon(acquire.cancel)
    try:
        await acquire
    except asyncio.CancelledError:
        print("CancelledError")
    print("waiters empty:", not sem._waiters, repr(sem))

asyncio.run(main())
