# 07 must fire: gh-112202 again, without a deadlock. The producer posts one job and
# notify()s one of two waiting consumers; if that one is cancelled after it was
# notified and before it ran, the job stays queued while the other consumer sleeps on,
# until main returns and asyncio.run cancels it. (With another consumer taking the job
# meanwhile, nothing would be lost: see 14.)
# expect: lost-wakeup
# symptom: taken: False left: \['item'\]
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
    await asyncio.sleep(0.1)
    print("taken:", taken.is_set(), "left:", items)

asyncio.run(main())
