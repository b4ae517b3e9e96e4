# Exit 1: in a lambda, the candidates are its own locals: "qq" is two edits from "q".
# CPython 3.12 (traceback.py) wants a suggestion nearer than the wrong name's length and
# gives none; 3.13 and 3.14 (the C module _suggestions) give "Did you mean: 'q'?".
# Why: one name, two answers, by version.
import asyncio

async def main():
    f = lambda q: q + qq
    print(f(1))

asyncio.run(main())
