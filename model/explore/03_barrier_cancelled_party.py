# Explore: Barrier(3) whose third party may be cancelled (inject with --cancel 1).
# Without the cancel all three pass with indices 0, 1, 2 in some order; a cancelled
# party leaves the others waiting until main aborts the barrier.
# explore: --cancel 1
import asyncio

barrier = asyncio.Barrier(3)

async def party(name):
    try:
        i = await barrier.wait()
        print(name, "passed", i)
    except asyncio.BrokenBarrierError:
        print(name, "broken")
    except asyncio.CancelledError:
        print(name, "cancelled")

async def main():
    tasks = [asyncio.create_task(party(n)) for n in "abc"]
    await asyncio.sleep(0.1)
    await barrier.abort()
    await asyncio.gather(*tasks, return_exceptions=True)

asyncio.run(main())
