# Barrier: parties is fixed; n_waiting counts the tasks blocked while the barrier
# fills, and reads 0 while it drains; broken is False until abort().
# Why: the three read-only properties and when each changes.
import asyncio

barrier = asyncio.Barrier(2)

async def main():
    print("parties:", barrier.parties, "n_waiting:", barrier.n_waiting, "broken:", barrier.broken)
    t = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print("one waiting:", barrier.n_waiting)
    i = await barrier.wait()
    print("main passed with", i, "- n_waiting while the other drains:", barrier.n_waiting)
    print("other got", await t, "- n_waiting:", barrier.n_waiting, "broken:", barrier.broken)
    await barrier.abort()
    print("after abort: broken:", barrier.broken, "parties:", barrier.parties)

asyncio.run(main())
