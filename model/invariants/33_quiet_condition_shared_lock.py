# 33 must not fire: a Condition built on a Lock that another task also uses directly.
# expect: none
# explore: --cancel 1
import asyncio

lock = asyncio.Lock()
cond = asyncio.Condition(lock)
state = []

async def setter():
    async with lock:
        state.append("x")
        cond.notify_all()

async def watcher():
    async with cond:
        await cond.wait_for(lambda: len(state) > 0)
        print("saw", state)

async def main():
    w = asyncio.create_task(watcher())
    await asyncio.sleep(0)
    await setter()
    try:
        await asyncio.wait_for(w, 1)
    except (TimeoutError, asyncio.CancelledError) as e:
        print(type(e).__name__)

asyncio.run(main())
