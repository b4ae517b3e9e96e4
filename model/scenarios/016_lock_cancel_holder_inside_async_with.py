# Lock: cancelling a task while it sleeps inside `async with lock:` runs __aexit__,
# which releases the lock and hands it to the next waiter.
# Why: cancellation is an exception like any other for context managers.
import asyncio

lock = asyncio.Lock()

async def holder():
    try:
        async with lock:
            print("holder in")
            await asyncio.sleep(10)
            print("holder never gets here")
    finally:
        print("holder out, locked:", lock.locked())

async def waiter():
    async with lock:
        print("waiter in")

async def main():
    h = asyncio.create_task(holder())
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    h.cancel()
    await w
    print("holder cancelled:", h.cancelled(), "locked:", lock.locked())

asyncio.run(main())
