# Tasks: main is "Task-1"; every task takes the next "Task-N", also those that
# gather() creates for bare coroutines. In 3.12 a task created with name= still uses
# up a number: asyncio.create_task() creates it unnamed, then renames it.
# Why: task names are part of the contract (they appear in output and deadlock reports).
import asyncio

async def me():
    return asyncio.current_task().get_name()

async def main():
    print(asyncio.current_task().get_name())
    a = asyncio.create_task(me())
    b = asyncio.create_task(me(), name="worker")
    c = asyncio.create_task(me())
    print(a.get_name(), b.get_name(), c.get_name())
    print(await a, await b, await c)
    print(await asyncio.gather(me(), me()))
    print(asyncio.create_task(me()).get_name())

asyncio.run(main())
