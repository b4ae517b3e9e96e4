# sleep() with a zero or negative delay just yields once, like sleep(0), and takes
# no virtual time; its result argument is still returned.
# Why: delay <= 0 takes the bare-yield path instead of a timer.
import asyncio

async def other():
    print("other runs")

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    t = asyncio.create_task(other())
    print(await asyncio.sleep(-1, "negative"), loop.time() - t0)
    print("other done:", t.done())

asyncio.run(main())
