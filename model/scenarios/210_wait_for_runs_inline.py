# asyncio.wait_for() in 3.12 awaits a coroutine directly in the calling task (it is
# built on asyncio.timeout()); 3.11 wrapped it in a new task. So the coroutine sees
# the caller as current_task(), and no task name is used up.
# Why: a 3.12-specific behaviour that a 3.11-based model would get wrong.
import asyncio

async def who():
    return asyncio.current_task().get_name()

async def main():
    print("inside wait_for:", await asyncio.wait_for(who(), 1))
    t = asyncio.create_task(who())
    print("next task:", await t)

asyncio.run(main())
