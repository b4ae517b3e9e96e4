# Lock: blocked acquirers get the lock in the order they started waiting (FIFO),
# not in name order or in any other order.
# Why: fairness of asyncio.Lock is a documented guarantee ("first coroutine which is blocked").
import asyncio

lock = asyncio.Lock()
order = []

async def worker(name):
    await lock.acquire()
    order.append(name)
    print(name, "got the lock")
    await asyncio.sleep(0)
    lock.release()

async def main():
    await lock.acquire()
    tasks = [asyncio.create_task(worker(n)) for n in ["c", "a", "b"]]
    await asyncio.sleep(0)
    print("waiters:", len(lock._waiters))
    lock.release()
    for t in tasks:
        await t
    print(order)

asyncio.run(main())
