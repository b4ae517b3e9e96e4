# Condition: a waiter already notified, cancelled while it waits to re-acquire the
# lock, keeps trying until it holds the lock and then raises a new, bare
# CancelledError: the message given to cancel() is lost.
# Why: wait()'s re-acquire loop swallows CancelledError and raises its own afterwards.
import asyncio

cond = asyncio.Condition()

async def waiter():
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError as e:
            print("waiter got", repr(e), "holding lock:", cond.locked())
            raise

async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)
    print("waiter is now blocked on the lock; cond waiters:", len(cond._waiters))
    t.cancel("stop")
    await asyncio.sleep(0)
    print("after the cancel, waiter done:", t.done())
    cond.release()
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled(), "locked:", cond.locked())

asyncio.run(main())
