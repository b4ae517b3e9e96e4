# 19 must not fire: set() wakes the waiters; clear() afterwards leaves them woken.
# expect: none
# explore: --cancel 1
import asyncio

ev = asyncio.Event()

async def waiter(name):
    try:
        await ev.wait()
        print(name, "woken", ev.is_set())
    except asyncio.CancelledError:
        print(name, "cancelled")

async def main():
    tasks = [asyncio.create_task(waiter(n)) for n in "ab"]
    await asyncio.sleep(0.1)
    ev.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    ev.clear()
    print("cleared", ev.is_set())

asyncio.run(main())
