# call_later with equal deadlines from different tasks: the callbacks run in
# the order the tasks scheduled them, and all of them in one loop iteration
# (none runs after a call_soon queued by an earlier one).
# Why: equal deadlines fire in computation order; every due timer moves to the
# ready queue in the same _run_once.
import asyncio

def cb(tag):
    loop = asyncio.get_running_loop()
    print("timer", tag, loop.time())
    loop.call_soon(print, "soon after", tag)

async def schedule(tags, delay):
    loop = asyncio.get_running_loop()
    for t in tags:
        loop.call_later(delay, cb, t)
        await asyncio.sleep(0)

async def main():
    a = asyncio.create_task(schedule(["a0", "a1", "a2"], 1))
    b = asyncio.create_task(schedule(["b0", "b1", "b2"], 1))
    c = asyncio.create_task(schedule(["c0", "c1"], 1.0))
    await asyncio.gather(a, b, c)
    await asyncio.sleep(2)

asyncio.run(main())
