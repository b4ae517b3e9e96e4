# CPython test_locks.py, EventTests.test_wait_on_set: wait() on a set event returns True.
# Why: the fast path of Event.wait().
import asyncio

async def main():
    ev = asyncio.Event()
    ev.set()
    res = await ev.wait()
    print(res)

asyncio.run(main())
