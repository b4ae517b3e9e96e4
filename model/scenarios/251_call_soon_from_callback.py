# call_soon(): a callback scheduled from inside another callback runs in the next
# loop iteration, after everything that was already in the ready queue.
# Why: the loop runs only the handles that were ready when the iteration started.
import asyncio

def first(loop):
    print("first")
    loop.call_soon(print, "scheduled by first")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(first, loop)
    loop.call_soon(print, "second")
    await asyncio.sleep(0)
    print("main resumed")
    await asyncio.sleep(0)
    print("main again")

asyncio.run(main())
