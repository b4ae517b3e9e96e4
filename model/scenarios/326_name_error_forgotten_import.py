# Exit 1: "time" is a module of the standard library, so CPython 3.12 adds "Or did you
# forget to import 'time'" after the suggestion of the local "tme" (3.13 on end it with "?").
# Why: both hints, and a version difference in one character.
import asyncio

async def main():
    tme = 1
    print(time.time())

asyncio.run(main())
