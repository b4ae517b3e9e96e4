# sum() of floats: from 3.12 CPython keeps the rounding error of each addition apart and adds
# it at the end (Neumaier), so sum([0.1] * 10) is 1.0; an int among the floats is added as it
# is (3.14: compensated too); an int start sums ints exactly first. 3.10 and 3.11 round each time.
# Why: the model once added the items one by one with + in every version.
import asyncio


async def reading(v):
    await asyncio.sleep(0)
    return v


async def main():
    print(sum([0.1] * 10), sum([0.1] * 10, 0.5), sum([1e16, 1.0, -1e16]))
    print(sum([0.1, 1, 0.1, 1e100, -1e100, 0.1]), sum([1e16, 1, -1e16]), sum([0.1, 1e16, 1, 1, -1e16]))
    print(sum([1, 0.1, 0.2, 0.3]), sum([0.1, True, 0.2]), sum([1.5, 2, 3.25], 10))
    print(sum([-0.0]), sum([], -0.0), sum([-0.0], -0.0), sum([1e308, 1e308, -1e308]))
    inf = float("inf")
    print(sum([inf, 1.0]), sum([inf, -inf]), sum([0.1, 0.2, 10 ** 20, 0.3]))
    readings = await asyncio.gather(reading(0.1), reading(0.2), reading(0.3))
    print(sum(readings), sum(r for r in readings), sum(readings) == 0.6)


asyncio.run(main())
