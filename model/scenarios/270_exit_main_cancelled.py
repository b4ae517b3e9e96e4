# Exit 1: if the main task is cancelled (here by itself), asyncio.run raises
# CancelledError: the last line is "asyncio.exceptions.CancelledError".
# Why: cancelling main is an error exit, not a clean one.
import asyncio

async def main():
    asyncio.current_task().cancel()
    print("main cancelled itself")
    await asyncio.sleep(0)
    print("not reached")

asyncio.run(main())
