# Refused: asyncio.Queue is not one of the modelled primitives.
# CPython runs this fine; lockstep must refuse it before running (exit 2),
# pointing at the first use of asyncio.Queue.
import asyncio

async def main():
    q = asyncio.Queue()
    await q.put(1)
    print(await q.get())

asyncio.run(main())
