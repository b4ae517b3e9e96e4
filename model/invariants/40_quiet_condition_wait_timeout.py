# 40 must not fire: a Condition waiter with a timeout gives up; it was never notified.
# expect: none
# explore: --cancel 1
import asyncio

cond = asyncio.Condition()

async def waiter():
    async with cond:
        try:
            await asyncio.wait_for(cond.wait(), 0.05)
            print("notified")
        except TimeoutError:
            print("gave up")

async def main():
    await asyncio.gather(waiter(), waiter(), return_exceptions=True)

asyncio.run(main())
