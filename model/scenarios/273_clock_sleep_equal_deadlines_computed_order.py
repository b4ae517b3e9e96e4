# Tasks whose sleeps end at the same virtual instant wake in the order their
# sleeps were computed, not the order the tasks were created in; loop.time()
# prints the exact virtual time (0.5 + 0.5 is 1.0).
# Why: on a real monotonic clock each reading is later than the one before,
# so nominally equal deadlines fire in the order they were computed.
import asyncio

async def sleeper(tag, yields, delays):
    loop = asyncio.get_running_loop()
    for _ in range(yields):
        await asyncio.sleep(0)
    for d in delays:
        await asyncio.sleep(d)
    print(tag, "woke at", loop.time())

async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(sleeper("a: created first, sleeps third", 2, [1]))
    b = asyncio.create_task(sleeper("b: created second, sleeps first", 0, [1]))
    c = asyncio.create_task(sleeper("c: created third, sleeps second", 1, [1]))
    d = asyncio.create_task(sleeper("d: two half-seconds, computed last", 0, [0.5, 0.5]))
    await asyncio.gather(a, b, c, d)
    print("end", loop.time())

asyncio.run(main())
