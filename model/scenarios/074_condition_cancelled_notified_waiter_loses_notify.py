# Condition: notify() picks the first waiter; if that task is cancelled before it
# runs, the notification is not passed on (CPython 3.12): the second waiter keeps
# waiting until the next notify().
# Why: a known weakness of 3.12's Condition (3.13 re-notifies); a faithful model keeps it.
import asyncio

cond = asyncio.Condition()

async def waiter(name):
    async with cond:
        try:
            await cond.wait()
            print(name, "woke normally")
        except asyncio.CancelledError:
            print(name, "cancelled")
            raise

async def main():
    t1 = asyncio.create_task(waiter("first"))
    t2 = asyncio.create_task(waiter("second"))
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
    t1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("second still waiting:", not t2.done(), "cond waiters:", len(cond._waiters))
    async with cond:
        cond.notify()
    await t2
    print("first cancelled:", t1.cancelled())

asyncio.run(main())
