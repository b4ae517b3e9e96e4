# Future: cancel() on a pending future returns True and makes awaiting it raise
# CancelledError; on a done future cancel() returns False.
# Why: cancelling a future (not a task) is immediate: it is done at once.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("cancel:", fut.cancel(), "done:", fut.done(), "cancelled:", fut.cancelled())
    print("cancel again:", fut.cancel())
    try:
        await fut
    except asyncio.CancelledError as e:
        print("await raised", repr(e))
    f2 = loop.create_future()
    f2.set_result(1)
    print("cancel finished:", f2.cancel(), f2.result())

asyncio.run(main())
