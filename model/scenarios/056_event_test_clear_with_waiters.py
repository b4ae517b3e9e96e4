# CPython test_locks.py, EventTests.test_clear_with_waiters: set(); clear(); set();
# set() before the waiter runs: the waiter is still counted once, wakes once, and
# its task returns True.
# Why: set/clear flapping must neither lose nor duplicate a wake-up.
import asyncio

async def main():
    ev = asyncio.Event()
    result = []

    async def c1(result):
        if await ev.wait():
            result.append(1)
        return True

    t = asyncio.create_task(c1(result))
    await asyncio.sleep(0)
    print(result)

    ev.set()
    ev.clear()
    print(ev.is_set())

    ev.set()
    ev.set()
    print(len(ev._waiters))

    await asyncio.sleep(0)
    print(result)
    print(len(ev._waiters))

    print(t.done(), t.result())

asyncio.run(main())
