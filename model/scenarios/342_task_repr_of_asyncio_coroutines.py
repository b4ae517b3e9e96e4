# A task whose coroutine is one of asyncio's own (Lock.acquire, Event.wait, Semaphore.acquire,
# sleep, wait_for) prints the line of CPython's stdlib its frame is at: the async def line
# before it starts, the await it is suspended at, "done, defined at" once it ends, each as
# the version's oracle of record has them (/lib/python312.zip/asyncio/locks.py:363 ...).
# One task at a time, so that explore covers every schedule.
# Why: the model printed where its own prelude (asyncio_model.py) defines them.
import asyncio

async def show(make):
    t = asyncio.create_task(make())
    print(t)
    await asyncio.sleep(0)
    print(t)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    print(t)

async def main():
    lock = asyncio.Lock()
    ev = asyncio.Event()
    sem = asyncio.BoundedSemaphore(1)
    await lock.acquire()
    await sem.acquire()
    await show(lock.acquire)
    await show(ev.wait)
    await show(sem.acquire)
    await show(lambda: asyncio.sleep(1))
    await show(lambda: asyncio.sleep(0))
    await show(lambda: asyncio.wait_for(ev.wait(), 5))
    await show(lambda: asyncio.wait_for(ev.wait(), 0))

asyncio.run(main())
