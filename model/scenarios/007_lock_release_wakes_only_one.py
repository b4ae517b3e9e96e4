# Lock: each release() wakes exactly one waiter, the first; the others stay queued
# and their tasks are not even scheduled.
# Why: a release that woke everybody would let the losers spin; asyncio hands over one by one.
import asyncio

lock = asyncio.Lock()

async def worker(name):
    await lock.acquire()
    print(name, "acquired")

async def main():
    await lock.acquire()
    t1 = asyncio.create_task(worker("w1"))
    t2 = asyncio.create_task(worker("w2"))
    t3 = asyncio.create_task(worker("w3"))
    await asyncio.sleep(0)
    lock.release()
    await asyncio.sleep(0)
    print("locked:", lock.locked(), "still waiting:", len(lock._waiters))
    print("done:", t1.done(), t2.done(), t3.done())
    lock.release()
    await asyncio.sleep(0)
    print("done:", t1.done(), t2.done(), t3.done())
    lock.release()
    await t3
    print("waiting:", len(lock._waiters), "locked:", lock.locked())
    lock.release()

asyncio.run(main())
