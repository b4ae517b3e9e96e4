# Refused: class definitions are outside the scenario subset.
# The refusal points at the `class` keyword.
import asyncio

class Counter:
    def __init__(self):
        self.n = 0

async def main():
    c = Counter()
    c.n += 1
    print(c.n)

asyncio.run(main())
