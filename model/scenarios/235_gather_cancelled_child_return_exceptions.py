# gather(return_exceptions=True): a child that is cancelled shows up as a
# CancelledError instance in the results, with an empty message even when cancel()
# was given one, and the gather itself is not cancelled.
# Why: gather builds a fresh CancelledError for a cancelled child.
import asyncio

async def sleeper(d):
    await asyncio.sleep(d)
    return d

async def main():
    a = asyncio.create_task(sleeper(1))
    b = asyncio.create_task(sleeper(2))
    c = asyncio.create_task(sleeper(3))
    await asyncio.sleep(0)
    b.cancel()
    c.cancel("with a message")
    r = await asyncio.gather(a, b, c, return_exceptions=True)
    print(r)
    print(isinstance(r[1], asyncio.CancelledError), isinstance(r[1], Exception))

asyncio.run(main())
