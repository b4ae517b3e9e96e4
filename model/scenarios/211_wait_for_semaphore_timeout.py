# asyncio.wait_for(): a semaphore acquire() that times out raises TimeoutError and
# leaves the semaphore as it was: no unit taken, no waiter left behind.
# Why: a timed-out acquire must not leak a unit.
import asyncio

sem = asyncio.Semaphore(1)
start = [0.0]

async def holder():
    async with sem:
        await asyncio.sleep(2)
    print("holder released after", asyncio.get_running_loop().time() - start[0])

async def main():
    start[0] = asyncio.get_running_loop().time()
    h = asyncio.create_task(holder())
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(sem.acquire(), 0.5)
    except TimeoutError:
        print("timed out after", asyncio.get_running_loop().time() - start[0], repr(sem))
    await h
    print(repr(sem))

asyncio.run(main())
