# asyncio.timeout(): if the task is also cancelled from outside in the same loop
# iteration as the deadline fires, the block re-raises CancelledError instead of
# converting it to TimeoutError (cancelling() stays above its value at entry).
# Why: timeout() must not swallow a cancellation that is not its own.
import asyncio

async def worker():
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(1)
    except TimeoutError:
        print("worker: TimeoutError")
    except asyncio.CancelledError:
        print("worker: CancelledError, cancelling =", asyncio.current_task().cancelling())
        raise

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.5)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled())

asyncio.run(main())
