# Refused: asyncio.wait() is not in the modelled API (gather and wait_for are).
# CPython's BarrierTests.test_filling_task_by_task uses it. The refusal points at
# asyncio.wait.
import asyncio

async def main():
    barrier = asyncio.Barrier(2)
    t1 = asyncio.create_task(barrier.wait())
    t2 = asyncio.create_task(barrier.wait())
    await asyncio.wait([t1, t2])
    print(barrier.n_waiting)

asyncio.run(main())
