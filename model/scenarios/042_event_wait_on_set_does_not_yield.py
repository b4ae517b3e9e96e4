# Event: wait() on an event that is already set returns True without suspending,
# so a ready task does not run in between.
# Why: the fast path of wait() is not a scheduling point.
import asyncio

ev = asyncio.Event()

async def other():
    print("other runs")

async def main():
    ev.set()
    t = asyncio.create_task(other())
    r = await ev.wait()
    print("wait returned", r, "before other ran")
    await t

asyncio.run(main())
