# Barrier: once the last party arrives the barrier is "[draining, waiters:0/P]"
# until every party has left wait(); then it is filling again.
# Why: draining is the state in which late arrivals are held back.
import asyncio

barrier = asyncio.Barrier(3)

async def party(name):
    await barrier.wait()
    print(name, "left wait():", repr(barrier))

async def main():
    tasks = [asyncio.create_task(party(n)) for n in ["a", "b", "c"]]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    print("end:", repr(barrier))

asyncio.run(main())
