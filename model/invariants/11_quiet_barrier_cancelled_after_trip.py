# 11 must not fire (false-alarm class 1): parties cancelled after the barrier tripped,
# while it drains, return no index; the others return theirs once each.
# expect: none
# explore: --cancel 1
import asyncio

barrier = asyncio.Barrier(2)

async def party(name, rounds):
    try:
        for r in range(rounds):
            i = await barrier.wait()
            print(name, "round", r, "index", i)
    except asyncio.CancelledError:
        print(name, "cancelled")
    except asyncio.BrokenBarrierError:
        print(name, "broken")

async def main():
    tasks = [asyncio.create_task(party("a", 2)), asyncio.create_task(party("b", 2))]
    await asyncio.sleep(0.1)
    await barrier.abort()
    await asyncio.gather(*tasks, return_exceptions=True)

asyncio.run(main())
