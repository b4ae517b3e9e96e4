# AttributeError names a future or a task by its C type, '_asyncio.Future' and
# '_asyncio.Task' (the 3.10 oracle's futures are Python's: 'Future', 'Task'), and a
# primitive by its class name.
# Why: the model said 'Future' in every version.
import asyncio

async def main():
    f = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(asyncio.sleep(0))
    calls = [lambda: f.get_name(), lambda: f.locked(), lambda: t.set(), lambda: asyncio.Lock().get_name(),
             lambda: asyncio.Event().cancel()]
    for call in calls:
        try:
            call()
        except AttributeError as e:
            print(e)
    await t

asyncio.run(main())
