# Event: set() wakes every waiter at once; they resume in the order they began
# waiting, after the task that called set() yields.
# Why: unlike Lock.release(), Event.set() is a broadcast.
import asyncio

ev = asyncio.Event()

async def waiter(name):
    await ev.wait()
    print(name, "woke")

async def main():
    tasks = [asyncio.create_task(waiter(n)) for n in ["x", "y", "z"]]
    await asyncio.sleep(0)
    ev.set()
    print("set() returned; nobody has run yet")
    await asyncio.sleep(0)
    print("all done:", all([t.done() for t in tasks]))

asyncio.run(main())
