# Barrier: after abort(), reset() returns the barrier to filling, and a full set of
# parties passes it again with indices 0..P-1.
# Why: a broken barrier is recoverable only through reset().
import asyncio

barrier = asyncio.Barrier(2)

async def main():
    await barrier.abort()
    print("broken:", barrier.broken)
    await barrier.reset()
    print("after reset:", repr(barrier))
    t = asyncio.create_task(barrier.wait())
    i = await barrier.wait()
    print("indices:", await t, i)

asyncio.run(main())
