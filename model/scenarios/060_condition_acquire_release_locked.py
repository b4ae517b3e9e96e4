# Condition: acquire(), release() and locked() are those of its underlying lock;
# acquire() returns True and release() of an unlocked condition raises the Lock's
# RuntimeError.
# Why: a Condition is used exactly like a Lock for mutual exclusion.
import asyncio

async def main():
    cond = asyncio.Condition()
    print("locked:", cond.locked())
    print("acquire:", await cond.acquire())
    print("locked:", cond.locked())
    cond.release()
    print("locked:", cond.locked())
    try:
        cond.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with cond:
        print("inside async with, locked:", cond.locked())
    print("after, locked:", cond.locked())

asyncio.run(main())
