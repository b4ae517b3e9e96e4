# gather: the same coroutine or future passed twice is one child, listed twice in the
# results; a future already done is a child too; a value that is not awaitable raises
# TypeError (after the children before it were wrapped in tasks, which still run), and an
# unhashable one raises the dict's TypeError first. gather() of nothing gives [].
import asyncio

async def w(x):
    await asyncio.sleep(0)
    return x

async def main():
    c = w(1)
    print(await asyncio.gather(c, c, w(2)))
    f = asyncio.get_running_loop().create_future()
    f.set_result(7)
    print(await asyncio.gather(f, w(3), f))
    try:
        await asyncio.gather(w(4), 5)
    except TypeError as e:
        print("TypeError", e)
    try:
        await asyncio.gather([1])
    except TypeError as e:
        print("TypeError", e)
    print(await asyncio.gather())
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
