# Lock: asyncio.Lock is not reentrant; a task that acquires it twice waits forever
# on itself. CPython hangs; the runner reports a deadlock (exit 3).
# Why: the simplest deadlock, and a common bug when a locked helper calls another.
import asyncio

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    print("first acquire ok")
    await lock.acquire()
    print("never printed")

asyncio.run(main())
