# asyncio.timeout(): when the body finishes before the deadline nothing happens:
# no cancellation, no TimeoutError, and the pending deadline is dropped.
# Why: the common case must not leave a timer that fires later.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(0)
    loop.call_later(1, sem.release)
    async with asyncio.timeout(2):
        await sem.acquire()
        print("acquired at", loop.time())
    await asyncio.sleep(5)
    print("still fine at", loop.time(), "cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
