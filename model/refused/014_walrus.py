# Refused: assignment expressions (`:=`) are outside the subset.
# The refusal points at the target name of the walrus.
import asyncio

async def main():
    lock = asyncio.Lock()
    if (ok := await lock.acquire()):
        print("acquired", ok)

asyncio.run(main())
