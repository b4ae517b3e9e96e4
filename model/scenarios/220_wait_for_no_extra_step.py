# asyncio.wait_for() in 3.12 starts the coroutine at once in the calling task, so
# it runs before a task that was already ready; under 3.11 that ready task ran first.
# Why: wait_for's scheduling changed in 3.12; the interleaving is part of the contract.
import asyncio

async def other():
    print("other runs")

async def inner():
    print("inner starts")
    await asyncio.sleep(0)
    print("inner ends")
    return 1

async def main():
    t = asyncio.create_task(other())
    print("result:", await asyncio.wait_for(inner(), 1))
    await t

asyncio.run(main())
