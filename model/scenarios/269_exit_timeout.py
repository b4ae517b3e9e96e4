# Exit 1: a TimeoutError from asyncio.timeout() around a blocked acquire escapes
# asyncio.run; the last line is just "TimeoutError" (no message).
# Why: TimeoutError is the builtin class since 3.11 and carries no message.
import asyncio

async def main():
    sem = asyncio.Semaphore(0)
    async with asyncio.timeout(2):
        print("waiting for a unit that never comes")
        await sem.acquire()

asyncio.run(main())
