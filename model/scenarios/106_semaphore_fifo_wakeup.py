# Semaphore: blocked acquirers are served in the order they started waiting.
# Why: Semaphore is fair (FIFO), like Lock.
import asyncio

sem = asyncio.Semaphore(0)

async def worker(name):
    await sem.acquire()
    print(name, "acquired")

async def main():
    tasks = [asyncio.create_task(worker(n)) for n in ["3", "1", "2"]]
    await asyncio.sleep(0)
    for i in range(3):
        sem.release()
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)

asyncio.run(main())
