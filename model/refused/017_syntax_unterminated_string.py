# Refused: a syntax error, a string literal that is never closed.
# The error points at the opening quote.
import asyncio

async def main():
    print("never closed)

asyncio.run(main())
