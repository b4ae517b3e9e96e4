# asyncio.wait_for(): when the timeout cancels a coroutine that catches the
# CancelledError and returns a value, wait_for returns that value instead of
# raising TimeoutError.
# Why: documented in 3.12: "If the task suppresses the cancellation ... that value is returned."
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(10)
        return "slept"
    except asyncio.CancelledError:
        print("stubborn: cancelled, returning a fallback")
        return "fallback"

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    r = await asyncio.wait_for(stubborn(), 1)
    print("wait_for returned", repr(r), "after", loop.time() - t0)
    print("cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
