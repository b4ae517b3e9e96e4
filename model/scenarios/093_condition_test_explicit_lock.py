# CPython test_locks.py, ConditionTests.test_explicit_lock: with its own lock, with a
# given lock, or with a lock shared by another condition, cond.locked() and
# lock.locked() always agree, whichever of them is used in `async with`.
# (The test's `cond._lock is lock` check is left out: _lock is private.)
# Why: a Condition built on a lock is a view of that lock.
import asyncio

async def f(lock=None, cond=None):
    if lock is None:
        lock = asyncio.Lock()
    if cond is None:
        cond = asyncio.Condition(lock)
    print(lock.locked(), cond.locked())
    async with cond:
        print(lock.locked(), cond.locked())
    print(lock.locked(), cond.locked())
    async with lock:
        print(lock.locked(), cond.locked())
    print(lock.locked(), cond.locked())

async def main():
    await f()
    await f(asyncio.Lock())
    lock = asyncio.Lock()
    await f(lock, asyncio.Condition(lock))

asyncio.run(main())
