# Lock: acquire() on a free lock returns True at once and locked() turns True;
# release() returns None and locked() turns False again.
# Why: the basic two-state machine that every other Lock rule builds on.
import asyncio

lock = asyncio.Lock()

async def main():
    print("locked at start:", lock.locked())
    r = await lock.acquire()
    print("acquire returned:", r)
    print("locked after acquire:", lock.locked())
    r = lock.release()
    print("release returned:", r)
    print("locked after release:", lock.locked())

asyncio.run(main())
