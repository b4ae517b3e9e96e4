# Task: a coroutine that catches CancelledError and returns normally is not
# cancelled: cancelled() is False and the result is its return value; the
# cancellation request stays counted in cancelling().
# Why: cancel() is a request, and the task may refuse it.
import asyncio

async def refuser():
    try:
        await asyncio.sleep(10)
        return "slept"
    except asyncio.CancelledError:
        print("refuser: ignoring the cancellation")
    await asyncio.sleep(0)
    return "refused"

async def main():
    t = asyncio.create_task(refuser())
    await asyncio.sleep(0)
    t.cancel()
    r = await t
    print("result:", r, "cancelled:", t.cancelled(), "cancelling:", t.cancelling())

asyncio.run(main())
