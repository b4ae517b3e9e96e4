# Exit 1: an exception raised in a child task is re-raised where the task is
# awaited, and escapes asyncio.run: "KeyError: 'missing'".
# Why: exceptions cross task boundaries through await.
import asyncio

async def lookup(d):
    await asyncio.sleep(0)
    return d["missing"]

async def main():
    t = asyncio.create_task(lookup({"present": 1}))
    print("waiting for the child")
    await t

asyncio.run(main())
