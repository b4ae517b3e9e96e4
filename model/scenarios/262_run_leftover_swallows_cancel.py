# asyncio.run(): a leftover task that catches the shutdown CancelledError and keeps
# going (one more await) is still run to completion, and asyncio.run returns normally.
# Why: shutdown waits for the leftovers instead of abandoning them.
import asyncio

ev = asyncio.Event()

async def stubborn():
    try:
        await ev.wait()
    except asyncio.CancelledError:
        print("stubborn: ignoring the shutdown cancel")
    await asyncio.sleep(1)
    print("stubborn: finished its last step")

async def main():
    asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    print("main returns")

asyncio.run(main())
