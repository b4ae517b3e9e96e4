# Condition: wait() releases the underlying lock while it waits, so another task can
# acquire it; when wait() returns the waiter holds the lock again.
# Why: the defining property of a condition variable.
import asyncio

cond = asyncio.Condition()

async def waiter():
    async with cond:
        print("waiter holds the lock:", cond.locked())
        await cond.wait()
        print("waiter back from wait, locked:", cond.locked())

async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print("main sees locked:", cond.locked())
    async with cond:
        print("main acquired while waiter waits")
        cond.notify()
    await t
    print("end, locked:", cond.locked())

asyncio.run(main())
