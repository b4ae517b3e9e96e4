# Event: cancelling a task blocked in wait() removes its waiter; a later set() wakes
# only the others.
# Why: wait() cleans up its future in a finally block.
import asyncio

ev = asyncio.Event()

async def waiter(name):
    try:
        await ev.wait()
        print(name, "woke")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    t1 = asyncio.create_task(waiter("t1"))
    t2 = asyncio.create_task(waiter("t2"))
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    print("waiters:", len(ev._waiters))
    ev.set()
    await t2
    print("t1 cancelled:", t1.cancelled())

asyncio.run(main())
