# Condition: wait_for(predicate) checks the predicate first and after every wake-up,
# going back to wait() while it is false; notifications that leave it false are absorbed.
# Why: the standard loop `while not pred(): await cond.wait()` packaged as a method.
import asyncio

cond = asyncio.Condition()
state = {"count": 0}

def ready():
    print("  predicate sees", state["count"])
    return state["count"] >= 3

async def consumer():
    async with cond:
        await cond.wait_for(ready)
        print("consumer: proceeding with", state["count"])

async def main():
    t = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    for i in range(3):
        async with cond:
            state["count"] += 1
            print("producer: count =", state["count"])
            cond.notify()
        await asyncio.sleep(0)
    await t

asyncio.run(main())
