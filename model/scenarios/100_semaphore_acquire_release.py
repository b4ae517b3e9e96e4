# Semaphore: acquire() decrements the counter and returns True without waiting while
# it is positive; release() increments it. The value is visible in repr().
# Why: the counter semantics, read through the public repr.
import asyncio

async def main():
    sem = asyncio.Semaphore(2)
    print(repr(sem))
    print("acquire:", await sem.acquire(), repr(sem))
    print("acquire:", await sem.acquire(), repr(sem))
    print("locked:", sem.locked())
    print("release:", sem.release(), repr(sem))
    print("locked:", sem.locked())
    sem.release()
    print(repr(sem))

asyncio.run(main())
