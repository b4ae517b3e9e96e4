# Condition: a notified waiter does not return from wait() until the notifier
# releases the lock; notify() itself does not release it.
# Why: notify() only marks the waiter; re-acquiring the lock is part of wait().
import asyncio

cond = asyncio.Condition()

async def waiter():
    async with cond:
        await cond.wait()
        print("waiter returned from wait()")

async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify()
    print("notified, main still holds the lock")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("waiter done after two yields:", t.done())
    cond.release()
    print("released")
    await t

asyncio.run(main())
