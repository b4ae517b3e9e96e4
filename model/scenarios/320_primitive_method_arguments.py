# The primitives' methods that CPython writes in Python count their arguments as Python
# functions do, and their errors name them as CPython does (Lock.acquire, Event.set,
# Condition.notify, BoundedSemaphore.release...).
# Why: the model once took Event.set(1) and named its own prelude functions (Lock_acquire).
import asyncio


async def main():
    lock = asyncio.Lock()
    ev = asyncio.Event()
    cond = asyncio.Condition()
    sem = asyncio.Semaphore()
    bar = asyncio.Barrier(1)
    tests = [
        ("lock.acquire(1)", lambda: lock.acquire(1)),
        ("lock.release(1)", lambda: lock.release(1)),
        ("lock.locked(1)", lambda: lock.locked(1)),
        ("ev.set(1)", lambda: ev.set(1)),
        ("ev.clear(1)", lambda: ev.clear(1)),
        ("ev.is_set(1)", lambda: ev.is_set(1)),
        ("ev.wait(1)", lambda: ev.wait(1)),
        ("cond.notify(1, 2)", lambda: cond.notify(1, 2)),
        ("cond.notify_all(1)", lambda: cond.notify_all(1)),
        ("cond.wait(1)", lambda: cond.wait(1)),
        ("cond.wait_for()", lambda: cond.wait_for()),
        ("sem.release(1)", lambda: sem.release(1)),
        ("sem.locked(1)", lambda: sem.locked(1)),
        ("sem.acquire(1)", lambda: sem.acquire(1)),
        ("bar.wait(1)", lambda: bar.wait(1)),
        ("bar.reset(1)", lambda: bar.reset(1)),
        ("bar.abort(1)", lambda: bar.abort(1)),
    ]
    for text, call in tests:
        try:
            r = call()
            print(text, "->", type(r).__name__)
            if type(r).__name__ == "coroutine":
                try:
                    await r
                except Exception as e:
                    print("  awaited:", type(e).__name__, e)
        except Exception as e:
            print(text, type(e).__name__, e)


asyncio.run(main())
