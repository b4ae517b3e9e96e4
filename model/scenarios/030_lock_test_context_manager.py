# CPython test_locks.py, LockTests.test_context_manager: the lock is locked inside
# `async with lock:` and unlocked before and after.
# Why: the reference test of the async context manager protocol.
import asyncio

async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    async with lock:
        print(lock.locked())
    print(lock.locked())

asyncio.run(main())
