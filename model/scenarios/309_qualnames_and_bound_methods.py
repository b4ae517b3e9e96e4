# Functions show their __qualname__ as CPython does: <function main.<locals>.inner at 0x...>,
# coroutines likewise, and argument errors name main.<locals>.inner(); the methods of the
# primitives are Python methods of asyncio.locks (<bound method Lock.release of <...>>, the
# mixin's __aenter__, a Condition's lock methods bound to its lock); lambdas made in a
# comprehension read its variable; strings compare by code point.
# Why: the model once showed bare names, built-in methods, a NameError and UTF-16 order.
import asyncio


def top():
    pass


async def worker(n):
    def helper(a):
        return a
    return helper


async def main():
    def inner(a):
        return a
    async def coro_inner():
        def deeper():
            pass
        return deeper
    print(top, inner, await worker(1), await coro_inner())
    print(lambda: 0, (lambda: 0).__name__)
    try:
        inner()
    except TypeError as e:
        print(e)
    try:
        inner(1, 2)
    except TypeError as e:
        print(e)
    try:
        inner(b=1)
    except TypeError as e:
        print(e)
    c = coro_inner()
    print(c)
    await c
    lock = asyncio.Lock()
    cond = asyncio.Condition()
    sem = asyncio.BoundedSemaphore(2)
    ev = asyncio.Event()
    bar = asyncio.Barrier(2)
    print(lock.release)
    print(lock.acquire, lock.locked, lock.__aenter__)
    print(cond.acquire, cond.notify, cond.wait_for, cond.locked)
    print(sem.release, sem.acquire, sem.locked, sem.__aexit__)
    print(asyncio.Semaphore().release)
    print(ev.set, ev.wait, bar.wait, bar.abort)
    print([].append, "a".upper)
    fs = [lambda: i for i in range(3)]
    gs = [lambda i: i * 10 for i in range(3)]
    print([f() for f in fs], [g(j) for j, g in enumerate(gs)])
    print("\U0001F600" < "\uffff", sorted(["\uffff", "\U0001F600", "a"]), max("\ue000", "\U00010000"))


asyncio.run(main())
