# asyncio.run(): when main() returns, the tasks still pending are cancelled and run
# until they finish, so their `except CancelledError` code runs and prints.
# Why: leftover waiters on a primitive get a last chance to clean up.
import asyncio

lock = asyncio.Lock()

async def waiter():
    try:
        await lock.acquire()
        print("waiter acquired (not expected)")
    except asyncio.CancelledError as e:
        print("waiter cancelled by asyncio.run:", repr(e), "locked:", lock.locked())
        raise

async def main():
    await lock.acquire()
    asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print("main returns while holding the lock")

asyncio.run(main())
