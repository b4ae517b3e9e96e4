# Condition: a task waiting on a condition that is never notified hangs forever,
# even though the lock itself is free; the runner reports a deadlock (exit 3).
# Why: "lost wake-up" bugs: the state changed but nobody called notify().
import asyncio

cond = asyncio.Condition()
flag = [False]

async def setter():
    async with cond:
        flag[0] = True
        print("setter changed the state but forgot notify()")

async def main():
    async with cond:
        t = asyncio.create_task(setter())
        await cond.wait()
        print("never printed", flag)

asyncio.run(main())
