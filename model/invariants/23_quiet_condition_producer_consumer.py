# 23 must not fire: a queue on one Condition; once the producer is over (done or
# cancelled), main posts a sentinel per consumer with notify_all().
# expect: none
# explore: --cancel 1
import asyncio

buf = []
cond = asyncio.Condition()

async def producer(n):
    for i in range(n):
        async with cond:
            buf.append(i)
            cond.notify()
        await asyncio.sleep(0)

async def consumer(name):
    while True:
        async with cond:
            await cond.wait_for(lambda: len(buf) > 0)
            item = buf.pop(0)
        if item is None:
            return
        print(name, "got", item)

async def main():
    cs = [asyncio.create_task(consumer(n)) for n in "ab"]
    await asyncio.gather(producer(3), return_exceptions=True)
    async with cond:
        buf.extend([None, None])
        cond.notify_all()
    await asyncio.gather(*cs, return_exceptions=True)

asyncio.run(main())
