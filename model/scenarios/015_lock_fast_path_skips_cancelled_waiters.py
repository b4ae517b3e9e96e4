# Lock: acquire() on an unlocked lock succeeds at once when every queued waiter is
# already cancelled, even though those cancelled tasks have not run yet.
# Why: the fast path is "not locked and all waiters cancelled", not "no waiters".
import asyncio

lock = asyncio.Lock()

async def main():
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    t.cancel()
    lock.release()
    print("waiters still queued:", len(lock._waiters))
    await lock.acquire()
    print("main acquired at once, locked:", lock.locked())
    print("waiters still queued:", len(lock._waiters))
    try:
        await t
    except asyncio.CancelledError:
        print("the cancelled acquirer raised CancelledError")
    print("waiters:", len(lock._waiters), "locked:", lock.locked())
    lock.release()

asyncio.run(main())
