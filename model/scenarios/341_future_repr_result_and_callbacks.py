# The repr of a Future, as base_futures._future_repr_info writes it: a result through
# reprlib.repr (6 items, 4 dict keys sorted, 30 characters, 40 digits, 6 levels), the
# exception in full, and the callbacks: the first, "<N more>", the last, each named as the
# CPython function it is (Task.task_wakeup, gather's and shield's callbacks, with where the
# version's stdlib defines them); gather's outer future is a _GatheringFuture.
# Why: the model printed every result whole and no callbacks.
import asyncio

async def w(n):
    await asyncio.sleep(n)
    return list(range(10))

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    async def waiter():
        return await fut
    ws = [asyncio.create_task(waiter()) for _ in range(3)]
    await asyncio.sleep(0)
    print(fut)
    fut.set_result({5: "e", 1: "a", 3: "c", 2: "b", 4: "d"})
    await asyncio.gather(*ws)
    print(fut)
    for r in [[1, [2, [3, [4, [5, [6, [7]]]]]]], {"b": 1, 2: "x"}, 2 ** 200, "x" * 50, (1,), 1.5, None,
              ValueError("a long message that goes on and on")]:
        f = loop.create_future()
        f.set_result(r)
        print(f)
    e = loop.create_future()
    e.set_exception(ValueError("a long message that goes on and on"))
    print(e)
    e.exception()
    ts = [asyncio.create_task(w(1)), asyncio.create_task(w(2))]
    g = asyncio.gather(*ts)
    await asyncio.sleep(0)
    print(ts[0])
    print(g)
    await g
    print(g)
    t = asyncio.create_task(w(5))
    s = asyncio.shield(t)
    await asyncio.sleep(0)
    print(t)
    print(s)
    t.cancel()
    await asyncio.sleep(0)

asyncio.run(main())
