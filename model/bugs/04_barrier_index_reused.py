# gh-155233: a Barrier party cancelled while the barrier fills lets a later arrival take
# an index that a party still waiting already holds (CPython 3.11 on, still open; 3.10
# has no Barrier). Barrier.wait() hands out index = count and a party that leaves
# before the barrier trips decrements count, whatever its own index was.
# Four runners line up in heats of three; each takes the lane wait() returns. If a
# runner is cancelled while its heat fills, a later runner gets the lane of one still
# waiting: two runners of one heat share a lane. Look for `barrier` (two parties with
# the same index in one cycle) from `explore --cancel 1` on 3.11-3.14. (explore reports
# one more `barrier` violation, in the same versions: a runner cancelled after its heat
# filled returns no lane, so the heat's lanes are incomplete.)
# bug: gh-155233; looks for: barrier; lives in: 3.11 3.12 3.13 3.14
# explore: --cancel 1
import asyncio

heat = asyncio.Barrier(3)

async def runner(name):
    lane = await heat.wait()
    print(name, "runs in lane", lane)

async def main():
    runners = [asyncio.create_task(runner(n)) for n in "abcd"]
    await asyncio.sleep(1)  # the starter gives up on an incomplete heat
    await heat.abort()
    await asyncio.gather(*runners, return_exceptions=True)
    print("race over")

asyncio.run(main())
