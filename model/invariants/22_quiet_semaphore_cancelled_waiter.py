# 22 must not fire: a woken Semaphore waiter cancelled before it runs gives its unit back.
# expect: none
# explore: --cancel 1
import asyncio

sem = asyncio.Semaphore(1)

async def job(name):
    try:
        async with sem:
            print(name, "in")
            await asyncio.sleep(0.01)
    except asyncio.CancelledError:
        print(name, "cancelled")

async def main():
    tasks = [asyncio.create_task(job(n)) for n in "abc"]
    await asyncio.gather(*tasks, return_exceptions=True)
    print(sem.locked())

asyncio.run(main())
