# asyncio.run(): a leftover task cancelled at shutdown inside `async with lock:`
# runs its finally block and __aexit__, releasing the lock on its way out.
# Why: cleanup code of leftover tasks runs after main() has returned.
import asyncio

lock = asyncio.Lock()

async def holder():
    try:
        async with lock:
            await asyncio.sleep(100)
    finally:
        print("holder cleanup after __aexit__; locked:", lock.locked())

async def main():
    asyncio.create_task(holder())
    await asyncio.sleep(1)
    print("main done;", repr(lock))

asyncio.run(main())
