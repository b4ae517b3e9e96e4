# Task: two cancel() calls before the task runs deliver a single CancelledError;
# once the coroutine has caught it, its next await proceeds normally.
# Why: cancellation requests are counted, not queued as separate exceptions.
import asyncio

async def worker():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("caught one CancelledError")
    await asyncio.sleep(1)
    print("second sleep completed")
    return "ok"

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    t.cancel()
    print(await t, "cancelling:", t.cancelling())

asyncio.run(main())
