# Exit 1: an exception raised in main() escapes asyncio.run; the output printed
# before it is kept, and the traceback ends with "RuntimeError: boom".
# Why: the simplest failing scenario.
import asyncio

async def main():
    print("about to fail")
    await asyncio.sleep(0)
    raise RuntimeError("boom")

asyncio.run(main())
