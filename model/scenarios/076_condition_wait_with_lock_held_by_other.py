# Condition: wait() only checks that the lock is locked, not who locked it; a task
# waiting without holding the lock releases the lock another task holds.
# Why: asyncio locks have no owner, so this misuse is not detected.
import asyncio

cond = asyncio.Condition()

async def intruder():
    print("intruder waits without acquiring; locked:", cond.locked())
    await cond.wait()
    print("intruder returned from wait, locked:", cond.locked())
    cond.release()

async def main():
    await cond.acquire()
    t = asyncio.create_task(intruder())
    await asyncio.sleep(0)
    print("main's lock was released behind its back:", not cond.locked())
    await cond.acquire()
    cond.notify()
    cond.release()
    await t
    print("locked at end:", cond.locked())

asyncio.run(main())
