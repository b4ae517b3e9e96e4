# Exit 1: a BrokenBarrierError escapes asyncio.run; the last line of stderr names
# the class with its module: "asyncio.exceptions.BrokenBarrierError: Barrier aborted".
# Why: non-builtin exception types are printed qualified by the traceback.
import asyncio

async def main():
    barrier = asyncio.Barrier(2)
    await barrier.abort()
    print("broken:", barrier.broken)
    await barrier.wait()

asyncio.run(main())
