# Lock: once release() has woken a waiter, a new acquire() does not barge in even
# though locked() is False: it queues behind the woken (not cancelled) waiter.
# Why: the fast path of acquire() checks for pending waiters; without that, starvation.
import asyncio

lock = asyncio.Lock()

async def worker():
    await lock.acquire()
    print("worker acquired")
    lock.release()
    print("worker released")

async def main():
    await lock.acquire()
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    lock.release()
    print("after release, locked:", lock.locked())
    await lock.acquire()
    print("main re-acquired")
    lock.release()
    await t

asyncio.run(main())
