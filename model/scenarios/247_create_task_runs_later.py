# create_task(): the new task does not start at once; it runs its first step only
# after the creating task suspends.
# Why: tasks are scheduled, never called synchronously (no eager start by default).
import asyncio

log = []

async def child():
    log.append("child started")

async def main():
    t = asyncio.create_task(child())
    log.append("main continues")
    log.append("child done? " + str(t.done()))
    await asyncio.sleep(0)
    log.append("after sleep(0), child done? " + str(t.done()))
    print(log)

asyncio.run(main())
