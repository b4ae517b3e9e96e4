# Task.cancel(msg): the coroutine sees CancelledError(msg), and so does the first
# task that awaits the cancelled task; that saved exception is handed out once, so
# a later t.exception() raises a fresh CancelledError() without the message.
# Why: the message travels with the original exception object, not with the task.
import asyncio

async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("sleeper sees", repr(e))
        raise

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print("cancel() returned", t.cancel("why"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("first awaiter sees", repr(e))
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("t.exception() raises", repr(e))
    print("cancelled:", t.cancelled(), "done:", t.done())

asyncio.run(main())
