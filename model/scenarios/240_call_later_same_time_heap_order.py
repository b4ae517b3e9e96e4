# call_later(): timers due at the same instant run in the order the loop's heap
# yields them, which is not their registration order once there are several.
# Why: equal-deadline timers are popped by heapq; a model must reproduce that order.
import asyncio

def cb(tag):
    print("timer", tag)

async def main():
    loop = asyncio.get_running_loop()
    for i in range(7):
        loop.call_later(1, cb, i)
    await asyncio.sleep(2)

asyncio.run(main())
