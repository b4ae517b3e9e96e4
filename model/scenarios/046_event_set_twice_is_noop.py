# Event: set() acts only on the False -> True transition; a second set() on a set
# event is a no-op. Here: set, clear, one waiter, set, set: the waiter wakes once.
# Why: set() is idempotent; a model must not resolve the waiter's future twice.
import asyncio

ev = asyncio.Event()

async def waiter():
    await ev.wait()
    print("waiter woke")

async def main():
    ev.set()
    ev.clear()
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    ev.set()
    print("waiters after two set():", len(ev._waiters))
    await t
    print("waiters:", len(ev._waiters), "is_set:", ev.is_set())

asyncio.run(main())
