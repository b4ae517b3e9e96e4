# gather(return_exceptions=True): exceptions are returned in the results list, in
# argument order, instead of being raised.
# Why: the standard way to collect all outcomes of a set of tasks.
import asyncio

async def ok(v):
    await asyncio.sleep(0)
    return v

async def boom(msg):
    raise RuntimeError(msg)

async def main():
    r = await asyncio.gather(ok(1), boom("first"), ok(2), boom("second"), return_exceptions=True)
    print(r)
    print([type(x).__name__ for x in r])

asyncio.run(main())
