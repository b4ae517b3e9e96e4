# Exit 1: releasing a BoundedSemaphore once too often, uncaught, escapes
# asyncio.run with "ValueError: BoundedSemaphore released too many times".
# Why: the bound check as a fatal error.
import asyncio

sem = asyncio.BoundedSemaphore(2)

async def main():
    async with sem:
        print(repr(sem))
    sem.release()

asyncio.run(main())
