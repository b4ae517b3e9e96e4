# Lock: cancelling a task blocked in acquire() removes its waiter from the queue;
# the lock stays held, and the next release() goes to the remaining waiter.
# Why: a cancelled waiter must neither take the lock nor be "woken" by release().
import asyncio

lock = asyncio.Lock()

async def worker(name):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise
    print(name, "acquired")
    lock.release()

async def main():
    await lock.acquire()
    t1 = asyncio.create_task(worker("w1"))
    t2 = asyncio.create_task(worker("w2"))
    await asyncio.sleep(0)
    print("waiters:", len(lock._waiters))
    t1.cancel()
    await asyncio.sleep(0)
    print("waiters:", len(lock._waiters), "locked:", lock.locked())
    lock.release()
    await t2
    print("w1 cancelled:", t1.cancelled(), "locked:", lock.locked())

asyncio.run(main())
