import asyncio

async def main():
    lock = asyncio.Lock()
    loop = asyncio.get_running_loop()
    print("before")
    loop.call_soon(lock.release)
    await asyncio.sleep(0)
    print("after")

asyncio.run(main())
