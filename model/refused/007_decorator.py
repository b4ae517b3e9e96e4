# Refused: decorators are outside the subset.
# The refusal points at the `@` of the decorator.
import asyncio

def traced(f):
    return f

@traced
async def main():
    print("decorated main")

asyncio.run(main())
