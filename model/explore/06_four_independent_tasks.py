# Explore: four tasks that share nothing (each has its own Lock and counter) and
# print nothing until the end: every interleaving reaches the same state, which is
# what partial-order reduction and state caching exploit (see the benchmark).
# explore: --cancel 0
import asyncio

async def worker(lock, box):
    for i in range(2):
        async with lock:
            box[0] += 1
        await asyncio.sleep(0)

async def main():
    boxes = [[0], [0], [0], [0]]
    await asyncio.gather(*[worker(asyncio.Lock(), b) for b in boxes])
    print(boxes)

asyncio.run(main())
