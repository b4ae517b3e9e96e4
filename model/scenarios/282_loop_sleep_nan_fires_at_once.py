import asyncio

async def other():
    for i in range(3):
        print("other", i)
        await asyncio.sleep(0)

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(other())
    print("start", loop.time())
    await asyncio.sleep(float('nan'))
    print("woke", loop.time())
    await t

asyncio.run(main())
