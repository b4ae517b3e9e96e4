# Task: cancel() on a task that has finished returns False and changes nothing;
# on a pending task it returns True.
# Why: the return value of cancel() tells whether the request was registered.
import asyncio

async def quick():
    return 42

async def main():
    t = asyncio.create_task(quick())
    await t
    print("cancel finished task:", t.cancel(), "cancelled:", t.cancelled(), "result:", t.result())
    print("cancelling:", t.cancelling())
    s = asyncio.create_task(asyncio.sleep(5))
    print("cancel pending task:", s.cancel())
    await asyncio.sleep(0)
    print("cancelled:", s.cancelled())

asyncio.run(main())
