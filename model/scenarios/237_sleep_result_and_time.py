# sleep(delay, result): returns `result` (None by default) after `delay` seconds of
# loop time; virtual time advances by exactly the delays, and sleep(0) takes none.
# Why: sleep is the model's only clock-driven primitive.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await asyncio.sleep(1.5, "done"), loop.time() - t0)
    print(await asyncio.sleep(0), loop.time() - t0)
    print(await asyncio.sleep(0.25, result=[1, 2]), loop.time() - t0)
    r = await asyncio.gather(asyncio.sleep(2, "a"), asyncio.sleep(1, "b"))
    print(r, loop.time() - t0)

asyncio.run(main())
