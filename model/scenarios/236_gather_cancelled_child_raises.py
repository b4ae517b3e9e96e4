# gather(): without return_exceptions a cancelled child makes the gather raise
# CancelledError in the awaiting task, which is itself not cancelled and can go on.
# Why: a child's cancellation is reported like an exception, not propagated as a cancel.
import asyncio

async def sleeper(d):
    await asyncio.sleep(d)
    print("sleeper", d, "done")
    return d

async def main():
    a = asyncio.create_task(sleeper(1))
    b = asyncio.create_task(sleeper(2))
    await asyncio.sleep(0)
    b.cancel()
    try:
        await asyncio.gather(a, b)
    except asyncio.CancelledError as e:
        print("gather raised", repr(e))
    me = asyncio.current_task()
    print("main cancelling:", me.cancelling(), "a done:", a.done())
    print(await a)

asyncio.run(main())
