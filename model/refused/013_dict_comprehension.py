# Refused: dict comprehensions are outside the subset (only single-for list
# comprehensions). The refusal points at the opening brace.
import asyncio

async def main():
    squares = {n: n * n for n in range(4)}
    print(squares)

asyncio.run(main())
