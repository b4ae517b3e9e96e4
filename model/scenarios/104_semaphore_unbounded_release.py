# Semaphore: a plain Semaphore does not remember its initial value: release()
# without acquire() raises nothing and simply raises the counter above it.
# Why: the difference between Semaphore and BoundedSemaphore.
import asyncio

async def main():
    sem = asyncio.Semaphore(1)
    sem.release()
    sem.release()
    print(repr(sem))
    for i in range(3):
        await sem.acquire()
    print(repr(sem))

asyncio.run(main())
