# call_later(): seven timers with the same nominal deadline run in the order
# they were scheduled, all in the same loop iteration.
# Why: on a real monotonic clock each deadline computed is later than the one
# before, so equal virtual deadlines fire in the order they were computed, not
# in the order heapq happens to pop equal keys.
import asyncio

def cb(tag):
    print("timer", tag)

async def main():
    loop = asyncio.get_running_loop()
    for i in range(7):
        loop.call_later(1, cb, i)
    await asyncio.sleep(2)

asyncio.run(main())
