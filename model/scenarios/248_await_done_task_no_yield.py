# Awaiting a task (or future) that is already done returns its result without
# suspending: a ready task does not get to run in between; the result can be
# awaited again and again.
# Why: await on a done future is not a scheduling point.
import asyncio

async def value():
    return 7

async def other():
    print("other runs")

async def main():
    t = asyncio.create_task(value())
    await asyncio.sleep(0)
    o = asyncio.create_task(other())
    print("first await:", await t)
    print("second await:", await t)
    print("other has not run yet:", not o.done())
    await o

asyncio.run(main())
