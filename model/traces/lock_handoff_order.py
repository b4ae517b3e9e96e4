# Lock hand-off order, for the check-trace and compare-outcomes fixtures: two
# tasks queue on a held lock in a known order (each sets its Event just before
# acquire(), in the same step, so main knows it is queued); release() must hand
# the lock to the first. A Lock that wakes the LAST waiter prints "second"
# before "first", which no schedule of CPython 3.12 does (without cancellation).
import asyncio

lock = asyncio.Lock()

async def worker(name, queued):
    queued.set()
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(0)

async def main():
    await lock.acquire()
    q1 = asyncio.Event()
    q2 = asyncio.Event()
    t1 = asyncio.create_task(worker("first", q1))
    await q1.wait()
    t2 = asyncio.create_task(worker("second", q2))
    await q2.wait()
    print("waiters:", len(lock._waiters))
    lock.release()
    await t1
    await t2
    print("done")

asyncio.run(main())
