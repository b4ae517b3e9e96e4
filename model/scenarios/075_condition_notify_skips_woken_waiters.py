# Condition: notify() counts only waiters not yet woken; two notify(1) calls before
# anyone runs wake the first and then the second waiter.
# Why: notify() skips futures that are already done.
import asyncio

cond = asyncio.Condition()

async def waiter(name):
    async with cond:
        await cond.wait()
        print(name, "woke")

async def main():
    tasks = [asyncio.create_task(waiter(n)) for n in ["a", "b", "c"]]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
        cond.notify(1)
    await asyncio.sleep(0)
    print("still waiting:", len(cond._waiters))
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)

asyncio.run(main())
