# Lock: _waiters is empty (falsy) until a contended acquire(); it then holds one entry
# per blocked acquirer and is empty again once they are through.
# Why: CPython's own tests read _waiters; the uncontended fast path never touches it.
import asyncio

async def main():
    lock = asyncio.Lock()
    print("no waiters at start:", not lock._waiters)
    await lock.acquire()
    print("no waiters after fast acquire:", not lock._waiters)
    t1 = asyncio.create_task(lock.acquire())
    t2 = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print("waiters:", len(lock._waiters))
    lock.release()
    await t1
    print("waiters:", len(lock._waiters))
    lock.release()
    await t2
    print("waiters:", len(lock._waiters), "empty:", not lock._waiters)
    lock.release()

asyncio.run(main())
