# 30 must not fire: wait_for() gives up on a lock held too long; the lock is not lost.
# expect: none
# explore: --cancel 1
import asyncio

lock = asyncio.Lock()

async def holder():
    async with lock:
        await asyncio.sleep(1)

async def impatient():
    try:
        await asyncio.wait_for(lock.acquire(), 0.1)
        print("got it")
        lock.release()
    except TimeoutError:
        print("timed out")

async def main():
    h = asyncio.create_task(holder())
    await asyncio.sleep(0)
    await impatient()
    await asyncio.gather(h, return_exceptions=True)
    print(lock.locked())

asyncio.run(main())
