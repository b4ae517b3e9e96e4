# 35 must not fire: notify(2) for two items, three waiters; the third is stopped by main.
# expect: none
# explore: --cancel 1
import asyncio

cond = asyncio.Condition()
items = []

async def waiter(name):
    try:
        async with cond:
            await cond.wait_for(lambda: len(items) > 0)
            print(name, "took", items.pop())
    except asyncio.CancelledError:
        print(name, "stopped")

async def main():
    ws = [asyncio.create_task(waiter(n)) for n in "abc"]
    await asyncio.sleep(0.01)
    async with cond:
        items.extend([1, 2])
        cond.notify(2)
    await asyncio.sleep(0.1)
    for w in ws:
        w.cancel()
    await asyncio.gather(*ws, return_exceptions=True)

asyncio.run(main())
