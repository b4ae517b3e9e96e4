# Condition: Condition(lock=...) uses the given Lock; two conditions built on the same
# lock share its state, so holding one makes the other (and the lock) locked.
# Why: several conditions guarding the same data must share one lock.
import asyncio

async def main():
    lock = asyncio.Lock()
    not_empty = asyncio.Condition(lock)
    not_full = asyncio.Condition(lock=lock)
    async with not_empty:
        print("lock:", lock.locked(), "not_full:", not_full.locked())
        print(repr(not_full))
    await lock.acquire()
    print("after lock.acquire():", not_empty.locked(), not_full.locked())
    not_full.release()
    print("after not_full.release():", lock.locked())

asyncio.run(main())
