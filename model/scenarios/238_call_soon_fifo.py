# call_soon(): callbacks run in the order they were scheduled, interleaved in FIFO
# order with task steps that became ready earlier or later.
# Why: the ready queue is one FIFO for callbacks and task steps alike.
import asyncio

def cb(tag):
    print("callback", tag)

async def task_body(tag):
    print("task", tag, "step 1")
    await asyncio.sleep(0)
    print("task", tag, "step 2")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, 1)
    t = asyncio.create_task(task_body("A"))
    loop.call_soon(cb, 2)
    loop.call_soon(cb, 3)
    await asyncio.sleep(0)
    print("main resumed")
    loop.call_soon(cb, 4)
    await t

asyncio.run(main())
