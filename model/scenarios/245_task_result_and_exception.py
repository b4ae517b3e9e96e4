# Task: result() of a pending task raises InvalidStateError; a task that raised has
# exception() returning the exception and result() re-raising it; a task that
# returned has exception() None.
# Why: inspecting tasks without awaiting them.
import asyncio

async def fails():
    await asyncio.sleep(0)
    raise ZeroDivisionError("division by zero")

async def works():
    await asyncio.sleep(0)
    return "fine"

async def main():
    bad = asyncio.create_task(fails())
    good = asyncio.create_task(works())
    try:
        bad.result()
    except asyncio.InvalidStateError as e:
        print("pending result():", repr(e))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("done:", bad.done(), good.done())
    print("exception():", repr(bad.exception()))
    try:
        bad.result()
    except ZeroDivisionError as e:
        print("result() re-raises", repr(e))
    print(good.exception(), good.result())

asyncio.run(main())
