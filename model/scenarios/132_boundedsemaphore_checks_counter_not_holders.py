# BoundedSemaphore: the bound is checked against the counter, not against who holds
# a unit. A unit handed to a woken waiter is not counted, so main's extra release()
# passes and the error surfaces later, in the waiter's own correct release().
# Why: the check is `value >= initial`; a model must not track ownership instead.
import asyncio

sem = asyncio.BoundedSemaphore(1)

async def worker():
    await sem.acquire()
    print("worker acquired;", repr(sem))
    try:
        sem.release()
    except ValueError as e:
        print("worker's release failed:", e)

async def main():
    await sem.acquire()
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    print("main released twice without error;", repr(sem))
    await t

asyncio.run(main())
