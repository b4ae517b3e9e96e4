# A primitive's _waiters, which CPython's own tests read, is None until the first waiter
# queues (a Semaphore's from the start in 3.10), then a collections.deque: it prints as
# deque([...]), and len and truth follow the waiters.
# Why: the model once gave a tuple.
import asyncio

async def main():
    l = asyncio.Lock()
    e = asyncio.Event()
    s = asyncio.Semaphore(0)
    c = asyncio.Condition()
    print(l._waiters, s._waiters, bool(l._waiters), bool(s._waiters), len(e._waiters), len(c._waiters))
    await l.acquire()
    t = asyncio.create_task(l.acquire())
    u = asyncio.create_task(s.acquire())
    await asyncio.sleep(0)
    print(len(l._waiters), bool(l._waiters), len(s._waiters), type(l._waiters).__name__, type(e._waiters).__name__)
    l.release()
    await asyncio.sleep(0)
    print(len(l._waiters), bool(l._waiters), l._waiters)
    u.cancel()
    await asyncio.sleep(0)

asyncio.run(main())
