# 16 must not fire: a waiter of a Lock is cancelled; the lock passes on to the next one.
# expect: none
# explore: --cancel 1
import asyncio

lock = asyncio.Lock()

async def user(name):
    try:
        async with lock:
            print(name, "has the lock")
            await asyncio.sleep(0.01)
    except asyncio.CancelledError:
        print(name, "cancelled")

async def main():
    tasks = [asyncio.create_task(user(n)) for n in "abc"]
    await asyncio.sleep(0)
    tasks[1].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(lock.locked())

asyncio.run(main())
