# Condition: repr() shows the lock state ([unlocked] / [locked]) and ", waiters:N"
# for the tasks blocked in wait(); notified waiters stay counted until they run.
# Why: repr in every state; the waiter count is the Condition's, not the lock's.
import asyncio

cond = asyncio.Condition()

async def waiter():
    async with cond:
        await cond.wait()

async def main():
    print(repr(cond))
    t1 = asyncio.create_task(waiter())
    t2 = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print(repr(cond))
    await cond.acquire()
    print(repr(cond))
    cond.notify_all()
    print(repr(cond))
    cond.release()
    await asyncio.gather(t1, t2)
    print(repr(cond))

asyncio.run(main())
