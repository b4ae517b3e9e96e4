# gh-112202: Condition.wait loses a notification when the waiter it went to is cancelled
# before it runs (CPython 3.10, 3.11, 3.12; fixed in 3.13, whose wait() passes the
# notification on to another waiter).
# A pool of two workers waits for jobs on a Condition; main submits one job and waits
# for it to be done. If the worker that notify() picked is cancelled before it wakes up,
# the other worker stays blocked with the job in the list: look for `lost-wakeup` (and
# the deadlock of main waiting for the job) from `explore --cancel 1` on 3.10-3.12 only.
# bug: gh-112202; looks for: lost-wakeup; lives in: 3.10 3.11 3.12
# explore: --cancel 1
import asyncio

cond = asyncio.Condition()
jobs = []
done = asyncio.Event()

async def worker(name):
    while True:
        async with cond:
            while not jobs:
                await cond.wait()
            job = jobs.pop(0)
        print(name, "did", job)
        done.set()

async def main():
    workers = [asyncio.create_task(worker(n)) for n in "ab"]
    await asyncio.sleep(0.1)  # the job comes in later, the workers are idle by then
    async with cond:
        jobs.append("job 1")
        cond.notify()
    await done.wait()
    print("job 1 done")

asyncio.run(main())
