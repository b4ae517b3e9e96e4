# 12 must not fire (false-alarm class 2): notify_all() wakes every waiter; one is then
# cancelled, which loses nothing: a broadcast cannot be lost. A task that starts waiting
# afterwards, for the next phase, is woken when that phase comes.
# expect: none
# explore: --cancel 1
import asyncio

cond = asyncio.Condition()
phase = 0

async def waiter(name, want):
    try:
        async with cond:
            await cond.wait_for(lambda: phase >= want)
            print(name, "saw phase", phase)
    except asyncio.CancelledError:
        print(name, "cancelled")

async def advance():
    global phase
    async with cond:
        phase += 1
        cond.notify_all()

async def main():
    first = [asyncio.create_task(waiter(n, 1)) for n in "ab"]
    await asyncio.sleep(0.1)
    await advance()
    late = asyncio.create_task(waiter("late", 2))
    await asyncio.sleep(0.1)
    await advance()
    await asyncio.gather(*first, late, return_exceptions=True)

asyncio.run(main())
