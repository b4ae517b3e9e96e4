# call_later(): timers fire in order of their due time, not of registration; a
# call_later(0, ...) still waits for the next loop iteration, after the callbacks
# and task steps already in the ready queue.
# Why: timers enter the ready queue only at the start of a loop iteration.
import asyncio

def cb(tag):
    print("callback", tag)

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    loop.call_later(3, cb, "at 3")
    loop.call_later(1, cb, "at 1")
    loop.call_later(2, cb, "at 2")
    loop.call_soon(cb, "soon 1")
    loop.call_later(0, cb, "later 0")
    loop.call_soon(cb, "soon 2")
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.sleep(5)
    print("elapsed:", loop.time() - t0)

asyncio.run(main())
