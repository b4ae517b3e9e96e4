# Condition: notify(n) wakes at most n waiters (the first n); notify(n) with n larger
# than the number of waiters wakes them all and is not an error.
# Why: the n parameter of notify().
import asyncio

cond = asyncio.Condition()
woken = []

async def waiter(name):
    async with cond:
        await cond.wait()
        woken.append(name)

async def main():
    tasks = [asyncio.create_task(waiter(i)) for i in range(5)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0)
    print("after notify(2):", woken, "still waiting:", len(cond._waiters))
    async with cond:
        cond.notify(10)
    await asyncio.gather(*tasks)
    print("after notify(10):", woken)

asyncio.run(main())
