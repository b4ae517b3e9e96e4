# 15 must not fire: three workers update a shared counter under a Lock.
# expect: none
# explore: --cancel 1
import asyncio

lock = asyncio.Lock()
count = 0

async def worker(name):
    global count
    async with lock:
        v = count
        await asyncio.sleep(0)
        count = v + 1
        print(name, "->", count)

async def main():
    await asyncio.gather(*[worker(n) for n in "abc"], return_exceptions=True)
    print("count", count)

asyncio.run(main())
