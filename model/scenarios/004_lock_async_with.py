# Lock: `async with lock` acquires on entry and releases on exit; the `as` target
# receives None (the lock itself is not returned).
# Why: the idiomatic way to use a lock; `as` returning None surprises many readers.
import asyncio

lock = asyncio.Lock()

async def main():
    async with lock as value:
        print("inside, locked:", lock.locked())
        print("as value:", value)
    print("after, locked:", lock.locked())

asyncio.run(main())
