# Future: set_exception() makes `await fut` and fut.result() raise that exception;
# fut.exception() returns it without raising.
# Why: the failure path of a future.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_exception, KeyError("missing"))
    try:
        await fut
    except KeyError as e:
        print("await raised", repr(e))
    print("exception():", repr(fut.exception()))
    try:
        fut.result()
    except KeyError as e:
        print("result() raised", repr(e))
    print("done:", fut.done(), "cancelled:", fut.cancelled())

asyncio.run(main())
