# Semaphore: repr() shows "[unlocked, value:N]" while the counter is positive and
# "[locked]" (no value) at zero, plus ", waiters:N"; a release() that wakes a waiter
# gives the unit straight to it, so the repr stays "[locked, ...]".
# Why: every repr form of Semaphore, including the hand-over state.
import asyncio

async def main():
    sem = asyncio.Semaphore()
    print(repr(sem))
    await sem.acquire()
    print(repr(sem))
    t = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    print(repr(sem))
    sem.release()
    print(repr(sem))
    await t
    print(repr(sem))
    sem.release()
    print(repr(sem))

asyncio.run(main())
