# Barrier: `async with barrier as i` waits on entry (like wait()) and binds the
# index; leaving the block does nothing.
# Why: Barrier's context manager returns the index, unlike Lock's, which returns None.
import asyncio

barrier = asyncio.Barrier(2)

async def party(name):
    async with barrier as i:
        print(name, "inside with index", i, repr(barrier))
    print(name, "left the block")

async def main():
    await asyncio.gather(party("a"), party("b"))
    print(repr(barrier))

asyncio.run(main())
