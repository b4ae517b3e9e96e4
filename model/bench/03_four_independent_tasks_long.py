# Bench: four tasks that share nothing (each has its own Lock and counter), four rounds
# each, and print only at the end: one outcome, one Mazurkiewicz trace, but a great many
# interleavings (model/explore/06 with twice the rounds).
# explore: --cancel 0
import asyncio

async def worker(lock, box):
    for i in range(4):
        async with lock:
            box[0] += 1
        await asyncio.sleep(0)

async def main():
    boxes = [[0], [0], [0], [0]]
    await asyncio.gather(*[worker(asyncio.Lock(), b) for b in boxes])
    print(boxes)

asyncio.run(main())
