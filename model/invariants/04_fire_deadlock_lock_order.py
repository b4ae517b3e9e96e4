# 04 must fire: two tasks take two locks in opposite orders; when each holds its first
# lock before the other's second acquire, neither can go on.
# expect: deadlock
# symptom: ^exit 3
# explore: --cancel 1
import asyncio

x = asyncio.Lock()
y = asyncio.Lock()

async def transfer(name, first, second):
    async with first:
        await asyncio.sleep(0)
        async with second:
            print(name, "done")

async def main():
    await asyncio.gather(transfer("ab", x, y), transfer("ba", y, x), return_exceptions=True)

asyncio.run(main())
