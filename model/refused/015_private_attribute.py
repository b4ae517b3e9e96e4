# Refused: private attributes of primitives other than _waiters are not part of
# the subset (CPython's tests read sem._value; the corpus reads repr instead).
# The refusal points at the start of the attribute expression.
import asyncio

async def main():
    sem = asyncio.Semaphore(2)
    await sem.acquire()
    print(sem._value)

asyncio.run(main())
