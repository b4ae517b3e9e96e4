# CPython test_locks.py, EventTests.test_repr: "[unset]>" then "[set]>"; the test's
# mock waiter is replaced here by a real task blocked in wait() ("waiters:1").
# Why: the repr of Event in each of its states.
import asyncio

async def main():
    ev = asyncio.Event()
    print("[unset]>" in repr(ev))
    print(repr(ev))
    ev.set()
    print("[set]>" in repr(ev))
    print(repr(ev))
    ev.clear()
    t = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    print("waiters:1" in repr(ev))
    print(repr(ev))
    ev.set()
    await t

asyncio.run(main())
