# Condition: wait() when the underlying lock is not locked raises
# RuntimeError('cannot wait on un-acquired lock') and registers no waiter.
# Why: the error a misused condition reports, with its exact message.
import asyncio

async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print(repr(e))
    print("waiters empty:", not cond._waiters, "locked:", cond.locked())

asyncio.run(main())
