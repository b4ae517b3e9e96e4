# 01 must fire: gh-112202. Two consumers wait for a job; the producer posts one and
# notify()s one consumer, and main waits for the first result. If the notified consumer
# is cancelled before it ran, CPython 3.12 loses the notification with it: the other
# consumer sleeps on with the job in the queue (3.13 passes the notification on), and
# main waits forever (a deadlock as well).
# expect: lost-wakeup deadlock
# symptom: ^exit 3
# explore: --cancel 1
import asyncio

jobs = []
cond = asyncio.Condition()
done = asyncio.Event()

async def consumer(name):
    try:
        async with cond:
            await cond.wait_for(lambda: len(jobs) > 0)
            print(name, "got", jobs.pop())
        done.set()
    except asyncio.CancelledError:
        print(name, "cancelled")

async def main():
    workers = [asyncio.create_task(consumer(n)) for n in "ab"]
    await asyncio.sleep(0.1)
    async with cond:
        jobs.append("job")
        cond.notify()
    await done.wait()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print("jobs left:", jobs)

asyncio.run(main())
