# A task whose coroutine is one of asyncio's own (Lock.acquire, Event.wait, Semaphore.acquire,
# sleep, wait_for) prints the line of CPython's stdlib its frame is at: the async def line
# before it starts, the await it is suspended at, "done, defined at" once it ends, each as
# the version's oracle of record has them (/lib/python312.zip/asyncio/locks.py:363 ...).
# Why: the model printed where its own prelude (asyncio_model.py) defines them.
import asyncio

async def main():
    lock = asyncio.Lock()
    ev = asyncio.Event()
    cond = asyncio.Condition()
    sem = asyncio.Semaphore(0)
    bs = asyncio.BoundedSemaphore(1)
    await lock.acquire()
    await bs.acquire()
    ts = [asyncio.create_task(lock.acquire()), asyncio.create_task(ev.wait()), asyncio.create_task(sem.acquire()),
          asyncio.create_task(bs.acquire()), asyncio.create_task(asyncio.sleep(1)), asyncio.create_task(asyncio.sleep(0)),
          asyncio.create_task(asyncio.wait_for(ev.wait(), 5)), asyncio.create_task(asyncio.wait_for(ev.wait(), 0))]
    async def cw():
        async with cond:
            await cond.wait()
    c = asyncio.create_task(cw())
    async def cwf():
        async with cond:
            await cond.wait_for(lambda: False)
    d = asyncio.create_task(cwf())
    for t in ts:
        print(t)
    await asyncio.sleep(0)
    for t in ts:
        print(t)
    for t in ts:
        t.cancel()
    c.cancel()
    d.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for t in ts:
        print(t)

asyncio.run(main())
