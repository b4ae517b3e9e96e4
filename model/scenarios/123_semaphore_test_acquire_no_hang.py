# CPython test_locks.py, SemaphoreTests.test_acquire_no_hang: c1 leaves the
# semaphore and then cancels c2, which was woken to enter; c2 ends cancelled, and
# the unit it gave back lets wait_for(sem.acquire(), 1.0) succeed at once.
# Why: a woken-then-cancelled waiter must return its unit, or the semaphore leaks.
import asyncio

async def main():
    sem = asyncio.Semaphore(1)

    async def c1():
        async with sem:
            await asyncio.sleep(0)
        t2.cancel()

    async def c2():
        async with sem:
            print("c2 entered (unexpected)")

    t1 = asyncio.create_task(c1())
    t2 = asyncio.create_task(c2())

    r = await asyncio.gather(t1, t2, return_exceptions=True)
    print(r[0] is None, isinstance(r[1], asyncio.CancelledError), repr(r[1]))

    print(await asyncio.wait_for(sem.acquire(), timeout=1.0))
    print(repr(sem))

asyncio.run(main())
