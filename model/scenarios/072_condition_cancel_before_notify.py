# Condition: a task cancelled while blocked in wait() first re-acquires the lock
# (waiting for it if another task holds it) and only then raises, with the original
# CancelledError and its message.
# Why: wait() always returns or raises with the lock held, as `async with` expects.
import asyncio

cond = asyncio.Condition()

async def waiter():
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError as e:
            print("waiter cancelled with", repr(e), "holding lock:", cond.locked())
            raise

async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    await cond.acquire()
    t.cancel("stop")
    await asyncio.sleep(0)
    print("main still holds the lock; waiter done:", t.done(), "cond waiters:", len(cond._waiters))
    cond.release()
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled(), "locked:", cond.locked())

asyncio.run(main())
