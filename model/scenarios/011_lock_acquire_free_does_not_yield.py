# Lock: awaiting acquire() on a free lock does not suspend the task, so a task that
# is ready does not run in between; only a real suspension (sleep(0)) lets it run.
# Why: "await" is not a scheduling point unless something blocks; models often get this wrong.
import asyncio

lock = asyncio.Lock()

async def other():
    print("other runs, lock locked:", lock.locked())

async def main():
    t = asyncio.create_task(other())
    await lock.acquire()
    print("main acquired without yielding")
    lock.release()
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await t

asyncio.run(main())
