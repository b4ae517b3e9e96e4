# Condition: asyncio.timeout() around wait_for(predicate) that never becomes true
# raises TimeoutError, and by then wait() has re-acquired the lock, so the code
# after it still holds the lock; the enclosing `async with cond:` releases it.
# Why: a timed-out wait_for must leave the lock state consistent for `async with`.
import asyncio

cond = asyncio.Condition()
ready = [False]

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async with cond:
        try:
            async with asyncio.timeout(2):
                await cond.wait_for(lambda: ready[0])
        except TimeoutError:
            print("TimeoutError after", loop.time() - t0, "locked:", cond.locked())
    print("after the block, locked:", cond.locked(), "waiters:", len(cond._waiters))

asyncio.run(main())
