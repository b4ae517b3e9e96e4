# Tasks: current_task() returns the task whose step is running: the same object
# as the one create_task() returned, and the main task inside main().
# Why: code under a lock often needs to know which task it runs in.
import asyncio

async def child(holder):
    holder.append(asyncio.current_task())
    await asyncio.sleep(0)
    print("still the same task after a suspension:", asyncio.current_task() is holder[0])

async def main():
    me = asyncio.current_task()
    holder = []
    t = asyncio.create_task(child(holder))
    await asyncio.sleep(0)
    print("child saw itself:", holder[0] is t, "- not main:", holder[0] is not me)
    await t
    print("back in main:", asyncio.current_task() is me, me.get_name())

asyncio.run(main())
