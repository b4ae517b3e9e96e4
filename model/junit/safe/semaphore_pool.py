# A pool of two: at most two of four tasks are inside at once, in every schedule.
import asyncio

pool = asyncio.Semaphore(2)
inside = 0

async def use(name):
    global inside
    async with pool:
        inside += 1
        assert inside <= 2, inside
        await asyncio.sleep(0)
        inside -= 1
    print(name, "done")

async def main():
    await asyncio.gather(*(use(n) for n in "abcd"))

asyncio.run(main())
