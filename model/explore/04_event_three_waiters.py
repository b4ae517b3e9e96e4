# Explore: Event set then cleared while three tasks wait. set() wakes every waiter
# already queued even if clear() comes before they run; a waiter that arrives after
# the clear waits for the next set().
# explore: --cancel 0
import asyncio

ev = asyncio.Event()

async def waiter(name):
    await ev.wait()
    print(name, "saw the event")

async def main():
    tasks = [asyncio.create_task(waiter(n)) for n in "abc"]
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(*tasks)

asyncio.run(main())
