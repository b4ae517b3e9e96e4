# Lock: Task.cancel(msg) on a task blocked in acquire() throws CancelledError(msg)
# into it, and whoever awaits the cancelled task sees the same message.
# Why: the cancel message must survive the trip through the lock's waiter future.
import asyncio

lock = asyncio.Lock()

async def worker():
    try:
        await lock.acquire()
    except asyncio.CancelledError as e:
        print("worker got", repr(e))
        raise

async def main():
    await lock.acquire()
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel("shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main got", repr(e))
    print("cancelled:", t.cancelled(), "waiters:", len(lock._waiters))

asyncio.run(main())
