# Explore: a task that polls with sleep(0) until another sets a flag. Under CPython's
# FIFO order it ends at once; but a schedule may keep choosing the poller, so some
# schedules never end. explore must stop them at --max-steps and say it was not complete.
# explore: --cancel 0 --max-steps 200
import asyncio

flag = asyncio.Event()

async def poller():
    polls = 0
    while not flag.is_set():
        polls += 1
        await asyncio.sleep(0)
    print("saw the flag")

async def setter():
    flag.set()

async def main():
    await asyncio.gather(poller(), setter())

asyncio.run(main())
