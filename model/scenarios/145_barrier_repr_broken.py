# Barrier: after abort() the repr is just "[broken]", without the waiters part,
# and it stays broken until reset().
# Why: the broken state hides n_waiting/parties in repr.
import asyncio

async def main():
    barrier = asyncio.Barrier(2)
    await barrier.abort()
    print(repr(barrier))
    await barrier.reset()
    print(repr(barrier))

asyncio.run(main())
