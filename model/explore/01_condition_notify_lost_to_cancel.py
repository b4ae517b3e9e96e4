# Explore: Condition.notify racing a cancellation (CPython 3.12 behaviour).
# notify(1) wakes waiter a; if a is cancelled after being notified but before it runs,
# its notification goes with it (gh-112202) and b waits on -- but only until main's
# second notify(1), while a timer is pending: b is woken in the end, so no wakeup is
# lost in any schedule. The lost one is model/invariants/01_fire_lost_notify_gh112202.py.
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
