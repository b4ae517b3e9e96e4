# Lock: a waiter that release() already woke, but whose task is cancelled before it
# runs, does not take the lock: it raises CancelledError and the lock stays unlocked.
# Why: the wake-up (future result set) and the cancel race; the cancel must win cleanly.
import asyncio

lock = asyncio.Lock()

async def worker():
    try:
        await lock.acquire()
        print("worker acquired (not expected)")
    except asyncio.CancelledError:
        print("worker cancelled, locked:", lock.locked())
        raise

async def main():
    await lock.acquire()
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    lock.release()
    t.cancel()
    print("after release+cancel, locked:", lock.locked())
    try:
        await t
    except asyncio.CancelledError:
        print("main: worker task cancelled:", t.cancelled())
    print("locked:", lock.locked(), "no waiters:", not lock._waiters)

asyncio.run(main())
