# asyncio.shield(lock.acquire()): when the awaiting task is cancelled, the shielded
# acquire keeps waiting in its own task and later takes the lock, which then stays
# locked with nobody left to release it.
# Why: shielding an acquire is a classic way to leak a lock.
import asyncio

lock = asyncio.Lock()

async def careful():
    try:
        await asyncio.shield(lock.acquire())
        print("careful acquired (not expected)")
    except asyncio.CancelledError:
        print("careful cancelled while waiting")
        raise

async def main():
    await lock.acquire()
    t = asyncio.create_task(careful())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("waiters:", len(lock._waiters))
    lock.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("after main's release:", repr(lock))

asyncio.run(main())
