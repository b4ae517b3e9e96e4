# 13 must not fire (false-alarm class 2): a waiter is blocked while only a timer is
# pending -- the notification is still to come, so nothing is lost yet. Even when the
# first notified waiter is cancelled, the second notify wakes the other one.
# expect: none
# explore: --cancel 1
import asyncio

cond = asyncio.Condition()

async def waiter(name):
    try:
        async with cond:
            await cond.wait()
            print(name, "woken")
    except asyncio.CancelledError:
        print(name, "cancelled")

async def main():
    a = asyncio.create_task(waiter("a"))
    b = asyncio.create_task(waiter("b"))
    await asyncio.sleep(0.01)
    async with cond:
        cond.notify(1)
    await asyncio.sleep(0.1)
    async with cond:
        cond.notify(1)
    await asyncio.gather(a, b, return_exceptions=True)
    print("done")

asyncio.run(main())
