# gh-111693: Condition.wait loses the cancel message when the cancellation lands while
# the waiter re-acquires the lock (CPython 3.10, 3.11, 3.12: wait() raises a new, bare
# CancelledError(); fixed in 3.13, which re-raises the CancelledError it caught).
# A consumer waits for items; the producer keeps the lock across an await while it logs
# the item it queued, so a notified consumer waits there to re-acquire the lock. main
# shuts the consumer down with a reason, and the consumer reads it. If the shutdown
# lands while the consumer re-acquires the lock, the reason is gone and
# e.args[0] fails: look for `exception` (IndexError) from `explore` on 3.10-3.12 only
# (CPython's own schedule is one of those that show it).
# bug: gh-111693; looks for: exception; lives in: 3.10 3.11 3.12
# explore: --cancel 0
import asyncio

cond = asyncio.Condition()
items = []

async def log(text):
    await asyncio.sleep(0.01)  # writing takes a while
    print(text)

async def producer():
    for item in ["a", "b"]:
        async with cond:
            items.append(item)
            cond.notify()
            await log("queued " + item)

async def consumer():
    try:
        while True:
            async with cond:
                while not items:
                    await cond.wait()
                item = items.pop(0)
            print("consumed", item)
    except asyncio.CancelledError as e:
        print("consumer stopped:", e.args[0])

async def main():
    c = asyncio.create_task(consumer())
    p = asyncio.create_task(producer())
    await asyncio.sleep(0.01)  # run for a while, then shut down
    c.cancel("shutdown")
    await asyncio.gather(c, p)

asyncio.run(main())
