# Event: set() may be called from a plain loop callback (call_soon / call_later),
# not only from a task; waiters wake in the next loop iteration.
# Why: events are the usual bridge from callbacks to coroutines.
import asyncio

ev = asyncio.Event()

def fire(tag):
    print("callback", tag, "sets the event")
    ev.set()

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    loop.call_later(2, fire, "late")
    await ev.wait()
    print("woke after", loop.time() - t0, "seconds")
    ev.clear()
    loop.call_soon(fire, "soon")
    await ev.wait()
    print("woke again after", loop.time() - t0, "seconds")

asyncio.run(main())
