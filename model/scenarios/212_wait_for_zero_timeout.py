# asyncio.wait_for(aw, 0): the coroutine is wrapped in a task that is cancelled
# before it starts, so TimeoutError is raised even for an acquire() that would have
# succeeded at once, and that task uses up a task name.
# Why: timeout <= 0 is a special case in wait_for, distinct from asyncio.timeout(0).
import asyncio

async def main():
    lock = asyncio.Lock()
    try:
        await asyncio.wait_for(lock.acquire(), 0)
        print("acquired")
    except TimeoutError:
        print("TimeoutError; locked:", lock.locked())
    t = asyncio.create_task(asyncio.sleep(0))
    print("next task name:", t.get_name())
    await t

asyncio.run(main())
