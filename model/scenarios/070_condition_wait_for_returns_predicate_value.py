# Condition: wait_for() returns the predicate's final value itself (any truthy
# object), not just True; if it is already truthy, wait_for() does not wait.
# Why: callers use the returned value (e.g. the item they waited for).
import asyncio

cond = asyncio.Condition()
items = []

def first_item():
    if items:
        return items[0]
    return None

async def consumer():
    async with cond:
        got = await cond.wait_for(first_item)
        print("wait_for returned", repr(got))

async def main():
    t = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    async with cond:
        items.append("apple")
        cond.notify()
    await t
    async with cond:
        print("already true:", repr(await cond.wait_for(lambda: len(items))))

asyncio.run(main())
