# gather(): cancelling the task that awaits a gather cancels every child, and the
# awaiting task gets CancelledError even with return_exceptions=True.
# Why: the cancel is forwarded to the gathering future, which cancels its children.
import asyncio

async def child(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def parent():
    try:
        await asyncio.gather(child("c1"), child("c2"), return_exceptions=True)
        print("parent: gather returned (not expected)")
    except asyncio.CancelledError:
        print("parent cancelled")
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    p.cancel()
    await asyncio.gather(p, return_exceptions=True)
    print("parent cancelled:", p.cancelled())

asyncio.run(main())
