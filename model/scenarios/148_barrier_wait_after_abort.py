# Barrier: wait() on a broken barrier raises BrokenBarrierError('Barrier aborted')
# immediately, a different message from the one waiters get when abort() hits them;
# BrokenBarrierError is a RuntimeError.
# Why: the two raise sites of BrokenBarrierError are distinguishable.
import asyncio

async def main():
    barrier = asyncio.Barrier(2)
    await barrier.abort()
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print(type(e).__name__, repr(e), str(e))
        print("is a RuntimeError:", isinstance(e, RuntimeError))

asyncio.run(main())
