# Three tasks add to a shared counter under a Lock, yielding to the loop in between:
# every schedule ends with 6.
import asyncio

lock = asyncio.Lock()
count = 0

async def add(n):
    global count
    async with lock:
        seen = count
        await asyncio.sleep(0)
        count = seen + n

async def main():
    await asyncio.gather(add(1), add(2), add(3))
    assert count == 6, count
    print("count", count)

asyncio.run(main())
