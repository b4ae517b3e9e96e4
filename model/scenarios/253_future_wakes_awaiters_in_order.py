# Future: when several tasks await the same future, set_result() wakes them in the
# order they started awaiting (done-callbacks run in registration order).
# Why: the FIFO property of Event and Condition wake-ups rests on this.
import asyncio

async def waiter(name, fut):
    v = await fut
    print(name, "got", v)

async def main():
    fut = asyncio.get_running_loop().create_future()
    tasks = [asyncio.create_task(waiter(n, fut)) for n in ["w3", "w1", "w2"]]
    await asyncio.sleep(0)
    fut.set_result("go")
    print("set_result returned")
    await asyncio.gather(*tasks)

asyncio.run(main())
