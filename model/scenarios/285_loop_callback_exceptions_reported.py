import asyncio

def cb(x):
    print("cb", x)
    raise ValueError("boom " + str(x))

async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.BoundedSemaphore(1)
    loop.call_soon(cb, 1)
    loop.call_later(0.5, sem.release)
    loop.call_soon(lambda: 1 // 0)
    await asyncio.sleep(1)
    print("done")

asyncio.run(main())
