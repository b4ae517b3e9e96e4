# Event: waiting on an event that nobody will ever set hangs forever; the runner
# reports a deadlock (exit 3) with the waiting tasks.
# Why: the most common asyncio hang: a forgotten set().
import asyncio

async def waiter(ev, name):
    print(name, "waiting")
    await ev.wait()
    print(name, "never wakes")

async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(waiter(ev, "helper"))
    await waiter(ev, "main")

asyncio.run(main())
