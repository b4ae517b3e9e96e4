# Exit 1: "lenn" is nearest a builtin, after the locals and globals have been tried:
# "Did you mean: 'len'?".
# Why: the builtins are candidates too, in CPython's order.
import asyncio

async def main():
    t = asyncio.create_task(asyncio.sleep(0))
    await t
    print(lenn([1]))

asyncio.run(main())
