# Barrier: wait() blocks until `parties` tasks have called it; each call returns a
# distinct index 0..parties-1 in order of arrival. The last arrival is not blocked.
# Why: the index is how one party is usually singled out for extra work.
import asyncio

barrier = asyncio.Barrier(3)

async def party(name):
    print(name, "arrives")
    i = await barrier.wait()
    print(name, "passes with index", i)
    return i

async def main():
    t1 = asyncio.create_task(party("a"))
    t2 = asyncio.create_task(party("b"))
    await asyncio.sleep(0)
    print("two parties waiting:", barrier.n_waiting)
    r = await party("main")
    print("main's index:", r)
    print(await asyncio.gather(t1, t2))

asyncio.run(main())
