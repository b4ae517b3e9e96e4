# Two tasks take two locks in opposite orders, the second one started a little later:
# in CPython's own order the first is done by then, in another each holds its first lock
# and waits forever for its second.
# expect: deadlock
import asyncio

first = asyncio.Lock()
second = asyncio.Lock()

async def forward():
    async with first:
        await asyncio.sleep(0)
        async with second:
            print("forward")

async def backward():
    async with second:
        await asyncio.sleep(0)
        async with first:
            print("backward")

async def main():
    f = asyncio.create_task(forward())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    b = asyncio.create_task(backward())
    await asyncio.gather(f, b)

asyncio.run(main())
