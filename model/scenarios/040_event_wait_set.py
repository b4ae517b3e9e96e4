# Event: wait() blocks until another task calls set(), then returns True.
# Why: the basic one-shot signal between tasks.
import asyncio

ev = asyncio.Event()

async def waiter():
    print("waiter: waiting, is_set:", ev.is_set())
    r = await ev.wait()
    print("waiter: woke up with", r)

async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print("main: setting")
    ev.set()
    print("main: is_set:", ev.is_set())
    await t

asyncio.run(main())
