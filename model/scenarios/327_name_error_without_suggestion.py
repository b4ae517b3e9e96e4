# Exit 1: no name is near enough to "xyzzy_plugh" (at most a third of the letters may
# change), so the last line is the bare message; a change of case costs half a change, so
# a caught NameError for "counter" would suggest "Counter" (str(e) never has it).
# Why: the suggestion must not be made up where CPython has none.
import asyncio

async def main():
    Counter = 1
    try:
        print(counter)
    except NameError as e:
        print("caught:", e)
    print(xyzzy_plugh)

asyncio.run(main())
