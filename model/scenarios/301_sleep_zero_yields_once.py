# asyncio.sleep with a delay that is not above zero is one bare yield to the loop and then
# its result: two tasks that sleep(0) take turns step by step, sleep(0, x), sleep(-1, x),
# sleep(False), sleep(0.0) and sleep(delay=0, result=x) give x back, a task cancelled while
# at sleep(0) gets CancelledError there, and sleep(0) passed along unawaited still works.
# Why: the model runs an awaited sleep(0) without sleep's own frame.
import asyncio

log = []


async def ticker(name, n):
    for i in range(n):
        log.append(name + str(i))
        await asyncio.sleep(0)


async def stuck():
    try:
        for i in range(5):
            await asyncio.sleep(0)
        print("stuck: never cancelled")
    except asyncio.CancelledError:
        print("stuck: cancelled at sleep(0)")
        raise


async def main():
    await asyncio.gather(ticker("a", 3), ticker("b", 3))
    print(log)
    print(await asyncio.sleep(0, "zero"), await asyncio.sleep(-1, "negative"))
    print(await asyncio.sleep(False), await asyncio.sleep(0.0, [1]), await asyncio.sleep(delay=0, result="kw"))
    t = asyncio.create_task(stuck())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    print(await asyncio.gather(t, return_exceptions=True))
    s = asyncio.sleep(0, "later")
    print(await asyncio.wait_for(s, 1))
    print(await asyncio.create_task(asyncio.sleep(0, "as a task")))
    before = asyncio.get_running_loop().time()
    await asyncio.sleep(0)
    print("time moved:", asyncio.get_running_loop().time() - before)


asyncio.run(main())
