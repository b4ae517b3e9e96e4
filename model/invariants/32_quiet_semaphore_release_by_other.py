# 32 must not fire: a Semaphore(0) used as a signal: one task releases, another acquires.
# expect: none
# explore: --cancel 1
import asyncio

ready = asyncio.Semaphore(0)

async def worker():
    await asyncio.sleep(0.01)
    print("ready")
    ready.release()

async def main():
    w = asyncio.create_task(worker())
    try:
        await asyncio.wait_for(ready.acquire(), 1)
        print("go")
    except TimeoutError:
        print("never ready")
    await asyncio.gather(w, return_exceptions=True)

asyncio.run(main())
