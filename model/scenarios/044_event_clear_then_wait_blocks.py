# Event: after clear(), wait() blocks again until the next set().
# Why: an Event is reusable; clear() resets the flag for future waiters.
import asyncio

ev = asyncio.Event()

async def waiter():
    await ev.wait()
    print("waiter passed, is_set:", ev.is_set())

async def main():
    ev.set()
    await ev.wait()
    print("first wait passed at once")
    ev.clear()
    print("cleared, is_set:", ev.is_set())
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print("waiter blocked:", not t.done())
    ev.set()
    await t

asyncio.run(main())
