# 3.13's wake-up of a waiter that was never notified, a consequence of the gh-112202 fix
# (CPython 3.13 and 3.14): a waiter leaving Condition.wait() with an exception always
# notifies another waiter, even when it was itself never notified.
# Two cooks wait for orders and trust that a wake-up means an order is there; a cook
# may be sent home (cancelled) while it waits. On 3.13+ the cook sent home wakes the
# other one before any order came, and its orders.pop(0) fails: look for `exception`
# (IndexError) from `explore --cancel 1` on 3.13 and 3.14 only.
# bug: gh-112202 fix: wake-up never notified; looks for: exception; lives in: 3.13 3.14
# explore: --cancel 1
import asyncio

cond = asyncio.Condition()
orders = []

async def cook(name):
    async with cond:
        await cond.wait()  # woken up: an order is there
        order = orders.pop(0)
    print(name, "cooks", order)

async def main():
    cooks = [asyncio.create_task(cook(n)) for n in "ab"]
    await asyncio.sleep(0.1)  # the orders come in later, the cooks wait by then
    for order in ["soup", "pie"]:
        async with cond:
            orders.append(order)
            cond.notify()
    for result in await asyncio.gather(*cooks, return_exceptions=True):
        if isinstance(result, Exception):  # a cook sent home is no error (CancelledError)
            raise result
    print("kitchen closed")

asyncio.run(main())
