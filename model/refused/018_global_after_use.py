# Refused: a syntax error, a global declaration of a name the function has already read
# (CPython: "name 'g' is used prior to global declaration", at the global statement).
import asyncio

g = 0


async def main():
    print(g)
    global g


asyncio.run(main())
