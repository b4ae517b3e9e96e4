# Semaphore: when every unit is held by tasks that themselves wait to acquire one
# more, nobody can proceed. CPython hangs; the runner reports a deadlock (exit 3).
# Why: nested acquisition of a bounded resource is a classic pool deadlock.
import asyncio

pool = asyncio.Semaphore(2)

async def worker(name):
    async with pool:
        print(name, "has one unit")
        await asyncio.sleep(0)
        async with pool:
            print(name, "never gets a second unit")

async def main():
    await asyncio.gather(worker("a"), worker("b"))

asyncio.run(main())
