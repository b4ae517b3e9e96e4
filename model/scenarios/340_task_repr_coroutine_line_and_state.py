# The repr of a Task, as base_tasks._task_repr_info writes it: its state (cancelling while a
# cancel is pending; 3.10: while _must_cancel is set), its name, its coroutine with the line
# its frame is at (the async def line before it starts, "done, defined at" once it ends),
# the future it waits for, its result or exception, and its done-callbacks.
# Why: the model printed <Task pending name='Task-2'>, without coro=, wait_for= or cb=.
import asyncio

async def inner(x):
    await asyncio.sleep(x)
    return x

async def middle():
    return await inner(0)

async def boom():
    raise KeyError("nope")

async def main():
    print(asyncio.current_task())
    t = asyncio.create_task(inner(1))
    print(t)
    await asyncio.sleep(0)
    t.cancel()
    print(t)
    await asyncio.sleep(0)
    print(t)
    m = asyncio.create_task(middle(), name="m")
    await asyncio.sleep(0)
    print(m)
    await m
    print(m)
    v = asyncio.create_task(inner(2))
    async def waits_for_v():
        return await v
    w = asyncio.create_task(waits_for_v())
    await asyncio.sleep(0)
    print(v)
    print(w)
    v.cancel()
    w.cancel()
    await asyncio.sleep(0)
    print(w)
    b = asyncio.create_task(boom())
    await asyncio.sleep(0)
    print(b)
    b.exception()
    early = asyncio.create_task(middle(), name="early")
    early.cancel("stop")
    print(early)
    await asyncio.sleep(0)
    print(early)
    await asyncio.sleep(0)

asyncio.run(main())
