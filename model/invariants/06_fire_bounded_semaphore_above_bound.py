# 06 must fire: a BoundedSemaphore(1) ends with value 2. The unit handed to a woken
# waiter is not counted, so a double release() passes; if that waiter is then cancelled
# before it runs, 3.12 gives its unit back without checking the bound.
# expect: semaphore-bounds
# symptom: value:2\]>
# explore: --cancel 1
import asyncio

sem = asyncio.BoundedSemaphore(1)

async def worker(name):
    try:
        async with sem:
            print(name, "in")
            await asyncio.sleep(0.01)
    except asyncio.CancelledError:
        print(name, "cancelled")
    except ValueError as e:
        print(name, "failed:", e)

async def main():
    await sem.acquire()
    t = asyncio.create_task(worker("w"))
    await asyncio.sleep(0)
    sem.release()
    try:
        sem.release()
        print("double release passed")
    except ValueError as e:
        print("refused:", e)
    await asyncio.gather(t, return_exceptions=True)
    print(repr(sem))

asyncio.run(main())
