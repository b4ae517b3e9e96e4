# Refused: `async for` (asynchronous iteration) is outside the subset.
# drain() is never called, so CPython runs this fine; lockstep refuses it anyway,
# pointing at the `async` keyword of the loop.
import asyncio

async def drain(source):
    async for item in source:
        print(item)

async def main():
    print("drain() is defined but never called")

asyncio.run(main())
