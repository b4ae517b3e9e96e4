# 36 must not fire: a task holds a Lock across a sleep; others queue behind it and enter
# in arrival order.
# expect: none
# explore: --cancel 1
import asyncio

lock = asyncio.Lock()
order = []

async def user(name, delay):
    await asyncio.sleep(delay)
    async with lock:
        order.append(name)
        await asyncio.sleep(0.1)

async def main():
    await asyncio.gather(user("a", 0), user("b", 0.01), user("c", 0.02), return_exceptions=True)
    print(order)

asyncio.run(main())
