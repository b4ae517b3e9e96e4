# Explore: Condition.notify racing a cancellation (CPython 3.12 behaviour, a finding).
# notify(1) wakes waiter a; if a is cancelled after being notified but before it runs,
# its notification is lost with it: b stays blocked although one notify was meant for
# "one waiter". Only one interleaving plus one injected cancel shows it:
#   lockstep explore 01_condition_notify_lost_to_cancel.py --cancel 1
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
    await asyncio.sleep(0.01)  # a timer: both waiters are queued by then, in every schedule
    async with cond:
        cond.notify(1)
    await asyncio.sleep(0.1)
    async with cond:
        cond.notify(1)
    await asyncio.gather(a, b, return_exceptions=True)
    print("done")

asyncio.run(main())
