import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(float('inf')):
            print("in", loop.time())
            await asyncio.sleep(1)
            print("slept", loop.time())
    except TimeoutError:
        print("timeout", loop.time())
    try:
        print(await asyncio.wait_for(asyncio.sleep(2, "r"), float('inf')))
    except TimeoutError:
        print("wait_for timeout", loop.time())

asyncio.run(main())
