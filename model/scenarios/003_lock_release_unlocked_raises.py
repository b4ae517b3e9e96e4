# Lock: release() of a lock that is not locked raises RuntimeError('Lock is not
# acquired.'), whether it was never acquired or already released; the state is unchanged.
# Why: the only error a Lock reports; its exact type and message are part of the API.
import asyncio

async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("fresh lock:", repr(e))
    await lock.acquire()
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("second release:", e)
    print("locked:", lock.locked())

asyncio.run(main())
