# Names imported with `from asyncio import ...` are the same objects as asyncio.X:
# primitives, create_task, sleep and exceptions work the same through either name.
# Why: scenarios may use either import style.
import asyncio
from asyncio import Lock, Event, create_task, sleep, CancelledError

lock = Lock()

async def worker(ev):
    try:
        await ev.wait()
    except CancelledError:
        print("worker cancelled")
        raise

async def main():
    ev = Event()
    t = create_task(worker(ev))
    await sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("caught via asyncio.CancelledError")
    async with lock:
        print(repr(lock))

asyncio.run(main())
