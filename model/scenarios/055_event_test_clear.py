# CPython test_locks.py, EventTests.test_clear: is_set() follows set() and clear().
# Why: the flag transitions, without any waiter.
import asyncio

async def main():
    ev = asyncio.Event()
    print(ev.is_set())
    ev.set()
    print(ev.is_set())
    ev.clear()
    print(ev.is_set())

asyncio.run(main())
