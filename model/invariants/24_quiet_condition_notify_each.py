# 24 must not fire: one notify() per item, consumers re-check with wait_for; main stops
# the consumers when every item is consumed.
# expect: none
# explore: --cancel 1
import asyncio

items = []
got = []
cond = asyncio.Condition()

async def consumer(name):
    try:
        while True:
            async with cond:
                await cond.wait_for(lambda: len(items) > 0)
                got.append(items.pop(0))
    except asyncio.CancelledError:
        pass

async def main():
    cs = [asyncio.create_task(consumer(n)) for n in "ab"]
    for i in range(2):
        async with cond:
            items.append(i)
            cond.notify()
        await asyncio.sleep(0)
    await asyncio.sleep(0.1)
    for c in cs:
        c.cancel()
    await asyncio.gather(*cs, return_exceptions=True)
    print(sorted(got), items)

asyncio.run(main())
