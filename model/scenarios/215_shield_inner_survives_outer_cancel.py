# asyncio.shield(): cancelling the task that awaits shield(inner) raises
# CancelledError in that task, but the inner task keeps running to completion.
# Why: shield protects the inner operation, not the awaiting task.
import asyncio

async def inner():
    await asyncio.sleep(1)
    print("inner finished")
    return "inner result"

async def outer(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print("outer cancelled; inner done:", t.done())
        raise

async def main():
    t = asyncio.create_task(inner())
    o = asyncio.create_task(outer(t))
    await asyncio.sleep(0.5)
    o.cancel()
    await asyncio.gather(o, return_exceptions=True)
    print("outer cancelled:", o.cancelled(), "inner cancelled:", t.cancelled())
    print(await t)

asyncio.run(main())
