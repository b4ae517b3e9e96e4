# Condition: notify_all() wakes every task currently waiting, but not a task that
# starts waiting afterwards.
# Why: notify_all is a snapshot of the current waiters.
import asyncio

cond = asyncio.Condition()

async def waiter(name):
    async with cond:
        await cond.wait()
        print(name, "woke")

async def main():
    early = [asyncio.create_task(waiter(n)) for n in ["e1", "e2", "e3"]]
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    late = asyncio.create_task(waiter("late"))
    await asyncio.gather(*early)
    print("late still waiting:", not late.done(), "waiters:", len(cond._waiters))
    async with cond:
        cond.notify_all()
    await late

asyncio.run(main())
