# Wrong arguments to the asyncio API raise what CPython raises: sleep, gather, wait_for, shield
# and create_task of a non-awaitable, Barrier and Semaphore values compared first, a Condition
# over something that is not a lock, a timeout or call_later delay that is not a number
# (float + str), notify before the lock is held, current_task of another loop.
# Why: the model once had its own messages for some, and current_task(5) gave the task.
import asyncio


async def coro():
    return 1


async def main():
    tests = [
        ("sleep('x')", lambda: asyncio.sleep("x")),
        ("gather(5)", lambda: asyncio.gather(5)),
        ("wait_for(5, 1)", lambda: asyncio.wait_for(5, 1)),
        ("shield(5)", lambda: asyncio.shield(5)),
        ("create_task(5)", lambda: asyncio.create_task(5)),
        ("Barrier(0)", lambda: asyncio.Barrier(0)),
        ("Barrier('a')", lambda: asyncio.Barrier("a")),
        ("Condition(5)", lambda: asyncio.Condition(5)),
        ("timeout('a')", lambda: asyncio.timeout("a")),
        ("Semaphore(value=2.5)", lambda: asyncio.Semaphore(value=-2)),
        ("Lock().release()", lambda: asyncio.Lock().release()),
        ("Event().set(1)", lambda: asyncio.Event().set(1)),
        ("BoundedSemaphore(1).release()", lambda: asyncio.BoundedSemaphore(1).release()),
        ("Condition().notify()", lambda: asyncio.Condition().notify()),
        ("Condition().notify('a')", lambda: asyncio.Condition().notify("a")),
        ("current_task(5)", lambda: asyncio.current_task(5)),
        ("get_running_loop().call_soon(5)", lambda: asyncio.get_running_loop().call_soon(5)),
        ("get_running_loop().call_later('a', print)", lambda: asyncio.get_running_loop().call_later("a", print)),
        ("create_future().result()", lambda: asyncio.get_running_loop().create_future().result()),
        ("create_future().exception()", lambda: asyncio.get_running_loop().create_future().exception()),
    ]
    for text, call in tests:
        try:
            r = call()
            print(text, "->", type(r).__name__)
            if type(r).__name__ == "coroutine":
                try:
                    print("  awaited:", await r)
                except Exception as e:
                    print("  awaited:", type(e).__name__, e)
        except Exception as e:
            print(text, type(e).__name__, e)
    for n in [0, -1]:
        try:
            print(await asyncio.wait_for(coro(), n))
        except Exception as e:
            print(type(e).__name__, e)
    t = asyncio.create_task(coro())
    print(t.get_name(), await t, t.result(), t.cancelled(), t.cancel())
    try:
        t.set_result(1)
    except Exception as e:
        print(type(e).__name__, e)


asyncio.run(main())
