# 02 must fire: gh-155233. Three workers meet at a Barrier(3); main replaces a worker that
# is missing. When a worker is cancelled while the barrier is filling, a later arrival
# reuses the index of a party that is still waiting, so two parties of one cycle return
# the same index.
# expect: barrier
# symptom: passed (\d)\n(.*\n)*.* passed \1\n
# explore: --cancel 1
import asyncio

barrier = asyncio.Barrier(3)

async def worker(name):
    try:
        i = await barrier.wait()
        print(name, "passed", i)
    except asyncio.CancelledError:
        print(name, "cancelled")

async def main():
    tasks = [asyncio.create_task(worker(n)) for n in "abc"]
    await asyncio.sleep(0.1)
    if barrier.n_waiting > 0:
        tasks.append(asyncio.create_task(worker("spare")))
    await asyncio.gather(*tasks, return_exceptions=True)

asyncio.run(main())
