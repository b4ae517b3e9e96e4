# 14 must not fire (false-alarm class 3): the notified consumer is cancelled, but the
# item is taken by another consumer that checks before it waits; the consumer left
# waiting would find nothing if woken (3.13 would wake it and it would wait again).
# main returns a while later; asyncio.run cancels the consumers still waiting.
# expect: none
# explore: --cancel 1
import asyncio

items = []
cond = asyncio.Condition()
taken = asyncio.Event()

async def consumer(name, delay):
    try:
        await asyncio.sleep(delay)
        async with cond:
            await cond.wait_for(lambda: len(items) > 0)
            print(name, "took", items.pop())
            taken.set()
    except asyncio.CancelledError:
        print(name, "cancelled")

async def main():
    a = asyncio.create_task(consumer("a", 0))
    b = asyncio.create_task(consumer("b", 0))
    await asyncio.sleep(0.1)
    async with cond:
        items.append("item")
        cond.notify()
    c = asyncio.create_task(consumer("c", 0))
    await asyncio.sleep(0.1)
    print("taken:", taken.is_set(), "left:", items)

asyncio.run(main())
