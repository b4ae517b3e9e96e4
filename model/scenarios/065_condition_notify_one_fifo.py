# Condition: notify() (n=1) wakes the longest-waiting task only; each further
# notify() wakes the next one, in FIFO order.
# Why: fairness of Condition wake-ups.
import asyncio

cond = asyncio.Condition()

async def waiter(name):
    async with cond:
        await cond.wait()
        print(name, "notified")

async def main():
    tasks = [asyncio.create_task(waiter(n)) for n in ["a", "b", "c"]]
    await asyncio.sleep(0)
    for i in range(3):
        async with cond:
            cond.notify()
        await asyncio.sleep(0)
        print("done:", [t.done() for t in tasks])

asyncio.run(main())
