# CPython test_locks.py, BarrierTests.test_filling_one_task_twice: two successive
# wait() tasks on a Barrier(1) both pass, both with index 0.
# Why: each single-party round starts from index 0 again.
import asyncio

async def main():
    barrier = asyncio.Barrier(1)

    t1 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print(barrier.n_waiting)

    t2 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)

    print(t1.result(), t2.result(), t1.result() == t2.result())
    print(t1.done(), t2.done())

    print(barrier.n_waiting, barrier.broken)

asyncio.run(main())
