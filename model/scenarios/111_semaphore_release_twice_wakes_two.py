# Semaphore: two release() calls in a row wake the first two waiters; the third
# keeps waiting.
# Why: each release() wakes the next waiter that is not already woken.
import asyncio

sem = asyncio.Semaphore(0)

async def worker(name):
    await sem.acquire()
    print(name, "acquired")

async def main():
    tasks = [asyncio.create_task(worker(n)) for n in ["a", "b", "c"]]
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    await asyncio.sleep(0)
    print("done:", [t.done() for t in tasks], repr(sem))
    sem.release()
    await tasks[2]

asyncio.run(main())
