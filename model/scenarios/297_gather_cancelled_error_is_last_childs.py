# gather: when a cancelled gather ends, its CancelledError comes from the LAST child in
# argument order (tasks.py's loop rebinds `fut`), not from the child whose completion
# ended it. Here `a` catches the cancel and finishes after `b`: 3.11-3.14 raise b's
# error, with the message "stop"; 3.10 shows no message (its task forgets it, bpo-45390).
import asyncio

async def a():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        await asyncio.sleep(0)
        return "a caught"

async def b():
    await asyncio.sleep(1)

async def main():
    g = asyncio.gather(asyncio.create_task(a()), asyncio.create_task(b()), return_exceptions=True)
    await asyncio.sleep(0)
    g.cancel("stop")
    try:
        print(await g)
    except asyncio.CancelledError as e:
        print("cancelled", e.args)

asyncio.run(main())
