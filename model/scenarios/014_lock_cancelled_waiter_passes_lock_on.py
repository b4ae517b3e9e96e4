# Lock: when the woken first waiter is cancelled before it runs, it wakes the next
# waiter on its way out, so the release() is not lost.
# Why: without this hand-over the second waiter would hang although the lock is free.
import asyncio

lock = asyncio.Lock()

async def worker(name):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    print(name, "acquired")
    lock.release()

async def main():
    await lock.acquire()
    t1 = asyncio.create_task(worker("first"))
    t2 = asyncio.create_task(worker("second"))
    await asyncio.sleep(0)
    lock.release()
    t1.cancel()
    await asyncio.gather(t1, t2, return_exceptions=True)
    print("first cancelled:", t1.cancelled(), "second done:", t2.done())
    print("locked:", lock.locked())

asyncio.run(main())
