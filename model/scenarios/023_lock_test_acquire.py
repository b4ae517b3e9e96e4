# CPython test_locks.py, LockTests.test_acquire: three coroutines acquire a held lock;
# each release() lets exactly the next one in, in FIFO order, and all return True.
# Why: the reference test of hand-over order, printed step by step.
import asyncio

async def main():
    lock = asyncio.Lock()
    result = []

    print(await lock.acquire())

    async def c1(result):
        if await lock.acquire():
            result.append(1)
        return True

    async def c2(result):
        if await lock.acquire():
            result.append(2)
        return True

    async def c3(result):
        if await lock.acquire():
            result.append(3)
        return True

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))

    await asyncio.sleep(0)
    print(result)

    lock.release()
    await asyncio.sleep(0)
    print(result)

    await asyncio.sleep(0)
    print(result)

    t3 = asyncio.create_task(c3(result))

    lock.release()
    await asyncio.sleep(0)
    print(result)

    lock.release()
    await asyncio.sleep(0)
    print(result)

    print(t1.done(), t1.result())
    print(t2.done(), t2.result())
    print(t3.done(), t3.result())

asyncio.run(main())
