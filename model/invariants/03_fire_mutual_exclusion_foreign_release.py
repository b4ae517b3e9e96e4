# 03 must fire: asyncio.Lock has no owner. A watchdog that "frees" a lock held too long
# lets a second task in while the first is still inside its critical section.
# expect: mutual-exclusion
# symptom: (\w) enters\n(?:(?!\1 leaves).*\n)*?(?!\1)\w enters
# explore: --cancel 1
import asyncio

lock = asyncio.Lock()

async def slow(name):
    async with lock:
        print(name, "enters")
        await asyncio.sleep(1)
        print(name, "leaves")

async def watchdog():
    await asyncio.sleep(0.5)
    if lock.locked():
        print("watchdog frees the lock")
        lock.release()

async def main():
    a = asyncio.create_task(slow("a"))
    await asyncio.sleep(0)
    b = asyncio.create_task(slow("b"))
    w = asyncio.create_task(watchdog())
    await asyncio.gather(a, b, w, return_exceptions=True)

asyncio.run(main())
