# Generator expressions as CPython's test_locks.py writes them
# (sum(t.done() for t in ts)): lazy, so any() and all() stop at the first decisive
# item and sum() fails at the first bad item, with the element expression's prints
# showing exactly how far each consumer got; a generator is used up once.
# Why: an eager list would print more than CPython does.
import asyncio


def noisy(x):
    print("computing", x)
    return x


async def worker(lock, i):
    async with lock:
        await asyncio.sleep(0)


async def main():
    lock = asyncio.Lock()
    ts = [asyncio.create_task(worker(lock, i)) for i in range(3)]
    print(sum(t.done() for t in ts), any(t.done() for t in ts))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(sum(t.done() for t in ts), all(t.done() for t in ts), len(lock._waiters))
    await asyncio.gather(*ts)
    print(sum(t.done() for t in ts), all(t.done() for t in ts))
    print(any(noisy(x) > 1 for x in [1, 2, 3]))
    print(all(noisy(x) < 2 for x in [1, 2, 3]))
    print(list(x * 2 for x in range(6) if x % 2 if x > 1), sorted((-x for x in range(3))), tuple(x for x in (1, 2)))
    print(min(c for c in "hello"), max((i, c) for i, c in enumerate("ab")), ",".join(str(x) for x in range(3)))
    g = (noisy(x) for x in [1, 2, 3])
    print(type(g).__name__)
    for v in g:
        print("first", v)
        break
    print(list(g), list(g))
    try:
        sum(noisy(x) for x in [1, "a", 2])
    except TypeError as e:
        print("TypeError:", e)
    y = 10
    print(sum(x + y for x in range(3)), max(x for x in [2**70, 3]), sum((x for x in []), 5))


asyncio.run(main())
