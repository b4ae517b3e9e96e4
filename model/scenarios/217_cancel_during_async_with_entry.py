# Cancellation: a task cancelled while blocked entering `async with lock:` never
# runs the body and never calls release() (its __aenter__ did not complete).
# Why: __aexit__ runs only if __aenter__ succeeded; a model must not release here.
import asyncio

lock = asyncio.Lock()

async def worker():
    try:
        async with lock:
            print("body (not expected)")
    except asyncio.CancelledError:
        print("cancelled at the entrance; locked:", lock.locked())
        raise

async def main():
    await lock.acquire()
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("main still holds it:", lock.locked())
    lock.release()
    print(repr(lock))

asyncio.run(main())
