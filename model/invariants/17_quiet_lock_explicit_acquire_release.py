# 17 must not fire: acquire()/release() in try/finally, as the docs show.
# expect: none
# explore: --cancel 1
import asyncio

lock = asyncio.Lock()
log = []

async def job(name):
    await lock.acquire()
    try:
        log.append(name)
        await asyncio.sleep(0)
    finally:
        lock.release()

async def main():
    await asyncio.gather(job("x"), job("y"), return_exceptions=True)
    print(sorted(log), lock.locked())

asyncio.run(main())
