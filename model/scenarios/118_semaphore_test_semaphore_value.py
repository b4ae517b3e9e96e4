# CPython test_locks.py, SemaphoreTests.test_semaphore_value: Semaphore(-1) raises
# ValueError.
# Why: the reference test for the constructor check.
import asyncio

async def main():
    try:
        asyncio.Semaphore(-1)
        print("no error (unexpected)")
    except ValueError as e:
        print(type(e).__name__, e)

asyncio.run(main())
