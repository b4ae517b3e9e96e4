# BoundedSemaphore: repr() has Semaphore's format under the class name
# BoundedSemaphore: "[unlocked, value:N]", "[locked]", ", waiters:N".
# Why: the subclass shares __repr__; only the class name differs.
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore()
    print(repr(sem))
    await sem.acquire()
    print(repr(sem))
    t = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    print(repr(sem))
    sem.release()
    await t
    sem.release()
    print(repr(sem))
    print(isinstance(sem, asyncio.Semaphore), type(sem).__name__)

asyncio.run(main())
