# Cancellation: a task that cancels itself keeps running until its next suspension
# point, where it receives CancelledError; code before that await still runs.
# Why: cancel() never interrupts running code, it only marks the next await.
import asyncio

async def selfish():
    asyncio.current_task().cancel("self")
    print("still running after cancel()")
    try:
        await asyncio.sleep(0)
        print("not reached")
    except asyncio.CancelledError as e:
        print("CancelledError at the next await:", repr(e))
        raise

async def main():
    t = asyncio.create_task(selfish())
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled())

asyncio.run(main())
