# asyncio.timeout(): Event.wait() interrupted by a deadline raises TimeoutError,
# which is the builtin TimeoutError (asyncio.TimeoutError is the same class since
# 3.11); the event can still be set and waited on afterwards.
# Why: the timeout must leave no stale waiter in the event.
import asyncio

ev = asyncio.Event()

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(0.5):
            await ev.wait()
    except asyncio.TimeoutError as e:
        print("caught as asyncio.TimeoutError:", isinstance(e, TimeoutError))
    print("waiters:", len(ev._waiters), "elapsed:", loop.time() - t0)
    loop.call_later(0.25, ev.set)
    async with asyncio.timeout(0.5):
        print("second wait:", await ev.wait(), "elapsed:", loop.time() - t0)

asyncio.run(main())
