# CPython test_locks.py, ConditionTests.test_wait_cancel_after_notify (bpo-32841):
# the waiter is notified, reaches the re-acquire, is cancelled there, and after
# release() it ends cancelled (having entered its `async with` block).
# Why: a cancel during the re-acquire must not leave the task hanging.
import asyncio

async def main():
    waited = False

    cond = asyncio.Condition()

    async def wait_on_cond():
        nonlocal waited
        async with cond:
            waited = True
            await cond.wait()

    waiter = asyncio.create_task(wait_on_cond())
    await asyncio.sleep(0)

    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.sleep(0)
    cond.release()
    await asyncio.sleep(0)

    print("cancelled:", waiter.cancelled())
    print("waited:", waited)

asyncio.run(main())
