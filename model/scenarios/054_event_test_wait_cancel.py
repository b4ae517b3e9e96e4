# CPython test_locks.py, EventTests.test_wait_cancel: a wait() task cancelled from a
# call_soon callback raises CancelledError and leaves no waiter behind.
# Why: the finally block of wait() must run on cancellation.
import asyncio

async def main():
    ev = asyncio.Event()

    wait = asyncio.create_task(ev.wait())
    asyncio.get_running_loop().call_soon(wait.cancel)
    try:
        await wait
    except asyncio.CancelledError:
        print("CancelledError")
    print("waiters empty:", not ev._waiters)

asyncio.run(main())
