# gather(): the results list follows the order of the arguments, not the order in
# which the awaitables finish.
# Why: the most relied-upon property of gather().
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished")
    return name

async def main():
    r = await asyncio.gather(job("slow", 3), job("fast", 1), job("medium", 2))
    print(r)

asyncio.run(main())
