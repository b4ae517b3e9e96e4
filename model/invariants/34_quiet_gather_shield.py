# 34 must not fire: shield() keeps a critical section running when its caller is cancelled.
# expect: none
# explore: --cancel 1
import asyncio

lock = asyncio.Lock()

async def critical():
    async with lock:
        await asyncio.sleep(0.01)
        print("critical done")

async def caller():
    try:
        await asyncio.shield(critical())
    except asyncio.CancelledError:
        print("caller cancelled")

async def main():
    c = asyncio.create_task(caller())
    await asyncio.sleep(0.1)
    await asyncio.gather(c, return_exceptions=True)
    print(lock.locked())

asyncio.run(main())
