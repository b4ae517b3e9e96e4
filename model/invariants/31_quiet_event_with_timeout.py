# 31 must not fire: a waiter gives up on an event with a timeout; nothing is blocked after.
# expect: none
# explore: --cancel 1
import asyncio

ev = asyncio.Event()

async def waiter():
    try:
        async with asyncio.timeout(0.1):
            await ev.wait()
        print("set")
    except TimeoutError:
        print("timed out")

async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0.2)
    ev.set()
    await asyncio.gather(t, return_exceptions=True)

asyncio.run(main())
