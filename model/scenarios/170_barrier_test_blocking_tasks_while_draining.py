# CPython test_locks.py, BarrierTests.test_blocking_tasks_while_draining: two tasks
# re-enter the 5-party barrier while it drains; they are held until the other three
# pass a 3-party barrier and join them, and then all five pass together.
# Why: tasks arriving during draining wait for the next round instead of joining.
import asyncio

async def main():
    N = 5
    rewait = 2
    barrier = asyncio.Barrier(N)
    barrier_nowaiting = asyncio.Barrier(N - rewait)
    rewait_n = rewait
    trace = []

    async def coro():
        nonlocal rewait_n

        await barrier.wait()

        if rewait_n > 0:
            rewait_n -= 1
            i = await barrier.wait()
            trace.append(("rewait", i))
        else:
            j = await barrier_nowaiting.wait()
            i = await barrier.wait()
            trace.append(("nowaiting", j, i))

    await asyncio.gather(*[asyncio.create_task(coro()) for i in range(N)])
    print(trace)
    print(barrier.n_waiting, barrier.broken, barrier_nowaiting.n_waiting)

asyncio.run(main())
