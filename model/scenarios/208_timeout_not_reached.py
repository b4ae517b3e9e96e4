# asyncio.timeout(): when the body finishes before the deadline nothing happens:
# no cancellation, no TimeoutError, and the pending deadline is dropped.
# Why: the common case must not leave a timer that fires later.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    sem = asyncio.Semaphore(0)
    loop.call_later(1, sem.release)
    async with asyncio.timeout(2):
        await sem.acquire()
        print("acquired after", loop.time() - t0)
    await asyncio.sleep(5)
    print("still fine after", loop.time() - t0, "cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
