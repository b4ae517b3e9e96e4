# Cancellation: cancelling a task that is awaiting another task cancels that inner
# task too (the waiter's cancel() is forwarded to the awaited future).
# Why: `await t` is not shielded; a model must forward the cancel to the awaited task.
import asyncio

async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise

async def outer(t):
    try:
        await t
    except asyncio.CancelledError:
        print("outer cancelled")
        raise

async def main():
    i = asyncio.create_task(inner())
    o = asyncio.create_task(outer(i))
    await asyncio.sleep(0)
    o.cancel()
    await asyncio.gather(o, i, return_exceptions=True)
    print("inner cancelled:", i.cancelled(), "outer cancelled:", o.cancelled())

asyncio.run(main())
