# Refused: set literals are outside the subset (lists, tuples and dicts only).
# The refusal points at the opening brace.
import asyncio

async def main():
    seen = {1, 2, 3}
    print(2 in seen)

asyncio.run(main())
