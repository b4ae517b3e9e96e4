# sleep(0): yields exactly one loop iteration, so tasks that loop on sleep(0)
# alternate step by step in creation order.
# Why: sleep(0) is the basic way to let other tasks run; its fairness matters.
import asyncio

async def spinner(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(spinner("a", 3), spinner("b", 2), spinner("c", 3))

asyncio.run(main())
