# Condition: after notify_all() the woken waiters return from wait() one at a time,
# in FIFO order, each holding the lock while the others wait for it.
# Why: notify_all wakes everyone, but the lock still serializes them.
import asyncio

cond = asyncio.Condition()
inside = [0]

async def waiter(name):
    async with cond:
        await cond.wait()
        inside[0] += 1
        print(name, "holds the lock; tasks inside:", inside[0])
        await asyncio.sleep(0)
        inside[0] -= 1

async def main():
    tasks = [asyncio.create_task(waiter(n)) for n in ["a", "b", "c"]]
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    print("all done, locked:", cond.locked())

asyncio.run(main())
