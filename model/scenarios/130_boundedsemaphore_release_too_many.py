# BoundedSemaphore: release() that would raise the counter above the initial value
# raises ValueError('BoundedSemaphore released too many times') and changes nothing.
# Why: the one difference from Semaphore; it catches unbalanced release() calls.
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(2)
    await sem.acquire()
    sem.release()
    print(repr(sem))
    try:
        sem.release()
    except ValueError as e:
        print(repr(e))
    print(repr(sem))

asyncio.run(main())
