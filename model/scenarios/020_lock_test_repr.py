# CPython test_locks.py, LockTests.test_repr: a new lock's repr ends with
# "[unlocked]>", and after acquire() with "[locked]>".
# Why: the repr format is matched by a regex in CPython's own suite.
import asyncio

async def main():
    lock = asyncio.Lock()
    print(repr(lock))
    print("[unlocked]>" in repr(lock))
    await lock.acquire()
    print(repr(lock))
    print("[locked]>" in repr(lock))

asyncio.run(main())
