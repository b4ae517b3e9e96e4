# Semaphore: locked() is True while a woken waiter has not yet run, even if the
# counter is positive; a new acquire() then queues, and the woken waiter passes
# the spare unit on when it runs.
# Why: locked() is "value == 0 or a non-cancelled waiter is queued", not just value == 0.
import asyncio

sem = asyncio.Semaphore(0)

async def worker(name):
    await sem.acquire()
    print(name, "acquired")

async def main():
    w = asyncio.create_task(worker("w"))
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    print(repr(sem), "locked:", sem.locked())
    await worker("main")
    await w
    print(repr(sem))

asyncio.run(main())
