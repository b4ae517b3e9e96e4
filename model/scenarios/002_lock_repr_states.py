# Lock: repr() shows [unlocked] / [locked] and ", waiters:N" while acquirers queue.
# A waiter woken by release() stays counted until its task runs, so right after
# release() the lock reads "[unlocked, waiters:2]", then "[unlocked, waiters:1]".
# Why: repr is what users read when debugging; the transient states are easy to get wrong.
import asyncio

async def waiter(lock):
    await lock.acquire()
    lock.release()

async def main():
    lock = asyncio.Lock()
    print(repr(lock))
    await lock.acquire()
    print(repr(lock))
    t1 = asyncio.create_task(waiter(lock))
    t2 = asyncio.create_task(waiter(lock))
    await asyncio.sleep(0)
    print(repr(lock))
    lock.release()
    print(repr(lock))
    await asyncio.sleep(0)
    print(repr(lock))
    await t1
    await t2
    print(repr(lock))

asyncio.run(main())
