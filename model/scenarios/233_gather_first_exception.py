# gather(): without return_exceptions the first exception is raised to the awaiting
# task at once; the other children are not cancelled and keep running.
# Why: gather does not clean up after a failure; surviving children finish on their own.
import asyncio

async def fail():
    await asyncio.sleep(1)
    raise ValueError("bad input")

async def slow():
    await asyncio.sleep(2)
    print("slow child finished anyway")
    return "slow"

async def main():
    s = asyncio.create_task(slow())
    try:
        await asyncio.gather(fail(), s)
    except ValueError as e:
        print("gather raised", repr(e), "- slow done:", s.done())
    print(await s)

asyncio.run(main())
