# create_task of something that is not a coroutine raises TypeError after naming the task:
# the number it took is gone, as in CPython, and the next task is named after it;
# wait_for, shield and gather of a non-awaitable create no task.
# Why: the model once checked the coroutine first and gave its number to the next task.
import asyncio


async def coro():
    return 1


async def main():
    try:
        asyncio.create_task(5)
    except TypeError as e:
        print(e)
    print(asyncio.create_task(coro()).get_name())
    try:
        await asyncio.wait_for(5, 1)
    except TypeError as e:
        print(e)
    print(asyncio.create_task(coro()).get_name())
    try:
        await asyncio.shield(5)
    except TypeError as e:
        print(e)
    print(asyncio.create_task(coro()).get_name())
    try:
        await asyncio.gather(5)
    except TypeError as e:
        print(e)
    print(asyncio.create_task(coro()).get_name())


asyncio.run(main())
