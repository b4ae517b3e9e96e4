# 38 must not fire: an Event waiter is cancelled; the others are woken by set().
# expect: none
# explore: --cancel 1
import asyncio

ev = asyncio.Event()

async def waiter(name):
    try:
        await ev.wait()
        print(name, "woken")
    except asyncio.CancelledError:
        print(name, "cancelled")

async def main():
    ws = [asyncio.create_task(waiter(n)) for n in "abc"]
    await asyncio.sleep(0)
    ws[0].cancel()
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(*ws, return_exceptions=True)

asyncio.run(main())
