# Barrier: while it fills, repr() is "[filling, waiters:N/P]" with N the tasks
# already blocked in wait() and P the number of parties.
# Why: the repr format of the filling state.
import asyncio

barrier = asyncio.Barrier(3)

async def main():
    print(repr(barrier))
    t1 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print(repr(barrier))
    t2 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print(repr(barrier))
    await barrier.wait()
    await asyncio.gather(t1, t2)
    print(repr(barrier))

asyncio.run(main())
