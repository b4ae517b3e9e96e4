# Semaphore: cancelling a blocked acquirer removes it; the counter is unchanged and
# the next release() goes to the next waiter.
# Why: a cancelled waiter must not consume a unit.
import asyncio

sem = asyncio.Semaphore(0)

async def worker(name):
    try:
        await sem.acquire()
        print(name, "acquired")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    t1 = asyncio.create_task(worker("t1"))
    t2 = asyncio.create_task(worker("t2"))
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    print(repr(sem))
    sem.release()
    await t2
    print(repr(sem), "t1 cancelled:", t1.cancelled())

asyncio.run(main())
