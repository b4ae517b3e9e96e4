# Barrier: Barrier(0) and Barrier(-4) raise ValueError('parties must be > 0');
# Barrier(1) is valid.
# Why: the constructor's only error, with its message.
import asyncio

async def main():
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("Barrier(0):", repr(e))
    try:
        asyncio.Barrier(-4)
    except ValueError as e:
        print("Barrier(-4):", repr(e))
    print(repr(asyncio.Barrier(1)))

asyncio.run(main())
