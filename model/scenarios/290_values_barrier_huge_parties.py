# A Barrier or Semaphore count past 32 bits keeps its value: Barrier(2**31) shows
# 0/2147483648 waiters, parties is 2**31, and a Semaphore of 2**40 units is unlocked.
# Why: counts are Python ints, not Java ints.
import asyncio


async def main():
    b = asyncio.Barrier(2**31)
    print(repr(b).split(" [")[1], b.parties, b.n_waiting, b.parties * 2)
    s = asyncio.Semaphore(2**40)
    await s.acquire()
    print(repr(s).split(" [")[1], s.locked())


asyncio.run(main())
