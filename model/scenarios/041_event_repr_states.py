# Event: repr() shows [unset] / [set] and ", waiters:N"; right after set() the woken
# waiters are still counted ("[set, waiters:2]") until their tasks run.
# Why: repr in every state, including the transient one after set().
import asyncio

async def main():
    ev = asyncio.Event()
    print(repr(ev))
    t1 = asyncio.create_task(ev.wait())
    t2 = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    print(repr(ev))
    ev.set()
    print(repr(ev))
    await t1
    await t2
    print(repr(ev))
    ev.clear()
    print(repr(ev))

asyncio.run(main())
