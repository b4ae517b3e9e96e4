# 39 must not fire: main returns while a helper still waits on an event that main never
# sets; asyncio.run cancels it. Nothing was promised to it.
# expect: none
# explore: --cancel 1
import asyncio

ev = asyncio.Event()

async def helper():
    try:
        await ev.wait()
    except asyncio.CancelledError:
        print("helper cancelled at exit")
        raise

async def main():
    asyncio.create_task(helper())
    await asyncio.sleep(0.1)
    print("main done")

asyncio.run(main())
