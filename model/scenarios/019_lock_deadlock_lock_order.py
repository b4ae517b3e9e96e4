# Lock: two tasks take two locks in opposite order; each then waits for the lock
# the other holds. CPython hangs; the runner reports a deadlock (exit 3).
# Why: the classic lock-ordering deadlock, reached by CPython's own FIFO schedule.
import asyncio

a = asyncio.Lock()
b = asyncio.Lock()

async def left():
    async with a:
        print("left holds a")
        await asyncio.sleep(0)
        async with b:
            print("left never gets b")

async def right():
    async with b:
        print("right holds b")
        await asyncio.sleep(0)
        async with a:
            print("right never gets a")

async def main():
    await asyncio.gather(left(), right())
    print("never printed")

asyncio.run(main())
