# The counter of lock_counter.py without the lock. main starts the tasks two loop
# iterations apart, long enough for each to read, yield and write back in CPython's own
# order; in another order a task reads before the one before it wrote, and an addition is lost.
# expect: assert
import asyncio

count = 0

async def add(n):
    global count
    seen = count
    await asyncio.sleep(0)
    count = seen + n

async def main():
    tasks = []
    for n in (1, 2, 3):
        tasks.append(asyncio.create_task(add(n)))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    assert count == 6, count
    print("count", count)

asyncio.run(main())
