# 18 must not fire: an Event releases every waiter at once.
# expect: none
# explore: --cancel 1
import asyncio

go = asyncio.Event()

async def runner(name):
    try:
        await go.wait()
        print(name, "runs")
    except asyncio.CancelledError:
        print(name, "cancelled")

async def main():
    tasks = [asyncio.create_task(runner(n)) for n in "abc"]
    await asyncio.sleep(0)
    go.set()
    await asyncio.gather(*tasks, return_exceptions=True)

asyncio.run(main())
