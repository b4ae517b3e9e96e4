# Semaphore: _waiters stays empty while acquire() never blocks; it counts blocked
# acquirers and empties again as they get through.
# Why: CPython's own tests read _waiters; only a blocked acquire() creates a waiter.
import asyncio

async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    print("empty after fast acquire:", not sem._waiters)
    tasks = [asyncio.create_task(sem.acquire()) for i in range(3)]
    await asyncio.sleep(0)
    print("waiters:", len(sem._waiters))
    sem.release()
    sem.release()
    print("waiters right after two releases:", len(sem._waiters))
    await asyncio.sleep(0)
    print("waiters:", len(sem._waiters))
    sem.release()
    await asyncio.gather(*tasks)
    print("empty:", not sem._waiters, repr(sem))

asyncio.run(main())
