# Barrier: a party whose wait() is cut short by wait_for's timeout just withdraws
# (n_waiting drops) and the barrier is not broken; unlike threading.Barrier, a
# timeout does not break it for the others.
# Why: asyncio.Barrier treats a timeout as a plain cancellation of one waiter.
import asyncio

barrier = asyncio.Barrier(3)

async def patient(name):
    i = await barrier.wait()
    print(name, "passed with index", i)

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    p = asyncio.create_task(patient("p"))
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(barrier.wait(), 1)
    except TimeoutError:
        print("main timed out after", loop.time() - t0, "n_waiting:", barrier.n_waiting,
              "broken:", barrier.broken)
    await asyncio.gather(patient("q"), patient("r"), p)
    print(repr(barrier))

asyncio.run(main())
