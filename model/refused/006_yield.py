# Refused: generators (`yield`) are outside the subset.
# The refusal points at the `yield` expression.
import asyncio

def numbers():
    yield 1
    yield 2

async def main():
    print(list(numbers()))

asyncio.run(main())
