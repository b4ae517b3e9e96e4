# CPython test_locks.py, ConditionTests.test_wait_cancel: main holds the lock and a
# task runs cond.wait() directly; cancelled by call_soon it raises CancelledError,
# leaves no waiter, and the lock ends up locked (re-acquired by the cancelled wait).
# Why: wait() re-acquires even when cancelled, and nobody releases it here.
import asyncio

async def main():
    cond = asyncio.Condition()
    await cond.acquire()

    wait = asyncio.create_task(cond.wait())
    asyncio.get_running_loop().call_soon(wait.cancel)
    try:
        await wait
    except asyncio.CancelledError:
        print("CancelledError")
    print("waiters empty:", not cond._waiters)
    print("locked:", cond.locked())

asyncio.run(main())
