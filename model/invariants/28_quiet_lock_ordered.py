# 28 must not fire: two locks always taken in the same order.
# expect: none
# explore: --cancel 1
import asyncio

x = asyncio.Lock()
y = asyncio.Lock()

async def transfer(name):
    async with x:
        await asyncio.sleep(0)
        async with y:
            print(name, "done")

async def main():
    await asyncio.gather(transfer("a"), transfer("b"), return_exceptions=True)

asyncio.run(main())
