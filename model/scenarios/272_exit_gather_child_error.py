# Exit 1: the first exception of a gather() child escapes asyncio.run
# ("ZeroDivisionError: integer division or modulo by zero"); the sibling that was
# still waiting is cancelled at shutdown and its handler prints first.
# Why: asyncio.run cancels the leftovers even when main() fails.
import asyncio

ev = asyncio.Event()

async def divide(a, b):
    await asyncio.sleep(0)
    return a // b

async def patient():
    try:
        await ev.wait()
    except asyncio.CancelledError:
        print("patient cancelled during shutdown")
        raise

async def main():
    print(await asyncio.gather(patient(), divide(1, 0)))

asyncio.run(main())
