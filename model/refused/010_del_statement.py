# Refused: the `del` statement is outside the subset.
# The refusal points at `del`.
import asyncio

async def main():
    xs = [1, 2, 3]
    del xs[0]
    print(xs)

asyncio.run(main())
