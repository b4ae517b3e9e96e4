# Future: loop.create_future() gives a pending future; set_result() (here from a
# timer callback) completes it and wakes the task awaiting it with the value.
# Why: futures are what every primitive waits on underneath.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("done:", fut.done(), "cancelled:", fut.cancelled())
    loop.call_later(1, fut.set_result, "hello")
    v = await fut
    print("awaited:", v, "done:", fut.done(), "result():", fut.result())
    print("exception():", fut.exception())

asyncio.run(main())
