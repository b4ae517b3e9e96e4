# 21 must not fire: a BoundedSemaphore refuses a release too many with ValueError.
# expect: none
# explore: --cancel 1
import asyncio

sem = asyncio.BoundedSemaphore(1)

async def job(name):
    async with sem:
        print(name, "in")
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(job("a"), job("b"), return_exceptions=True)
    try:
        sem.release()
    except ValueError as e:
        print("refused:", e)

asyncio.run(main())
