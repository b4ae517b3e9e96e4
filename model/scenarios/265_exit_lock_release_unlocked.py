# Exit 1: an uncaught release() of an unlocked lock escapes asyncio.run with
# "RuntimeError: Lock is not acquired.".
# Why: a primitive's own error message as the last line of stderr.
import asyncio

lock = asyncio.Lock()

async def main():
    async with lock:
        print("in the block")
    lock.release()

asyncio.run(main())
