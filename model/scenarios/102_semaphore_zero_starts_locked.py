# Semaphore: Semaphore(0) starts locked; acquire() blocks until some release().
# Why: a zero semaphore is the usual "signal N times" primitive.
import asyncio

sem = asyncio.Semaphore(0)

async def consumer():
    await sem.acquire()
    print("consumer got a unit")

async def main():
    print(repr(sem), sem.locked())
    t = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    print("consumer blocked:", not t.done())
    sem.release()
    await t
    print(repr(sem))

asyncio.run(main())
