# CPython test_locks.py, BarrierTests.test_filling_task_by_task: n_waiting grows 1,
# 2 as tasks arrive, the third releases all. (asyncio.wait of the test is replaced
# by gather.)
# Why: n_waiting and the filling state as the barrier fills up.
import asyncio

async def main():
    barrier = asyncio.Barrier(3)

    t1 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print(barrier.n_waiting, "filling" in repr(barrier))

    t2 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print(barrier.n_waiting, "filling" in repr(barrier))

    t3 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)

    print(await asyncio.gather(t1, t2, t3))

    print(barrier.n_waiting, barrier.broken)

asyncio.run(main())
