# asyncio.timeout(): a lock acquire() still blocked when the deadline passes is
# cancelled and the block raises TimeoutError; the waiter leaves the lock's queue
# and the task's cancelling() count is back to 0.
# Why: timeouts are implemented by cancellation, and the primitive must clean up.
import asyncio

lock = asyncio.Lock()

async def main():
    loop = asyncio.get_running_loop()
    await lock.acquire()
    t0 = loop.time()
    try:
        async with asyncio.timeout(1.5):
            await lock.acquire()
            print("acquired (not expected)")
    except TimeoutError as e:
        print("TimeoutError after", loop.time() - t0, repr(e))
    print(repr(lock))
    print("cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
