# Event: a waiter that set() already woke but whose task is cancelled before it runs
# gets CancelledError, not True: the cancellation wins over the completed wait.
# Why: Task.cancel() on a task whose awaited future is already done is deferred
# to the task's next step, where it is thrown into the coroutine.
import asyncio

ev = asyncio.Event()

async def waiter():
    try:
        r = await ev.wait()
        print("waiter returned", r)
    except asyncio.CancelledError:
        print("waiter cancelled although is_set:", ev.is_set())
        raise

async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print("cancel returned:", t.cancel())
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled(), "waiters:", len(ev._waiters))

asyncio.run(main())
