# Exit 1: a NameError raised in a gathered task escapes asyncio.run; its suggestion comes
# from the task's own frame: no local is near "result", the module's global "results" is.
# Why: the suggestion is of the frame that raised, not of main() that awaited it.
import asyncio

results = []

async def worker(n):
    await asyncio.sleep(0)
    result.append(n)

async def main():
    await asyncio.gather(worker(1), worker(2))

asyncio.run(main())
