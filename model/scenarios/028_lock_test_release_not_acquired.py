# CPython test_locks.py, LockTests.test_release_not_acquired: release() of a fresh
# lock raises RuntimeError.
# Why: the reference test for the only error a Lock raises.
import asyncio

async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
        print("no error (unexpected)")
    except RuntimeError as e:
        print(type(e).__name__, e)

asyncio.run(main())
