# Semaphore: a waiter that release() already woke, cancelled before it runs, gives
# its unit back and wakes the next waiter, so the release() is not lost.
# Why: acquire() undoes the hand-over when its future had a result (not cancelled).
import asyncio

sem = asyncio.Semaphore(0)

async def worker(name):
    try:
        await sem.acquire()
        print(name, "acquired")
    except asyncio.CancelledError:
        print(name, "cancelled after being woken;", repr(sem))
        raise

async def main():
    t1 = asyncio.create_task(worker("t1"))
    t2 = asyncio.create_task(worker("t2"))
    await asyncio.sleep(0)
    sem.release()
    t1.cancel()
    await asyncio.gather(t1, t2, return_exceptions=True)
    print(repr(sem), "t1 cancelled:", t1.cancelled())

asyncio.run(main())
