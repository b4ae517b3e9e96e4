# Refused: a syntax error, an unmatched closing parenthesis.
# The error points at the extra `)`.
import asyncio

async def main():
    print("one"))

asyncio.run(main())
