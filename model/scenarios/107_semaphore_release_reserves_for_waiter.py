# Semaphore: release() with a waiter hands the unit to that waiter at once (the
# counter stays 0), so a task calling acquire() right after cannot take it first.
# Why: no barging: the woken waiter owns the unit before it even runs.
import asyncio

sem = asyncio.Semaphore(0)

async def waiter():
    await sem.acquire()
    print("waiter acquired")

async def releaser():
    await asyncio.sleep(1)
    print("releaser releases")
    sem.release()

async def main():
    r = asyncio.create_task(releaser())
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    sem.release()
    print("after release:", repr(sem))
    await sem.acquire()
    print("main acquired only after the second release")
    await r

asyncio.run(main())
