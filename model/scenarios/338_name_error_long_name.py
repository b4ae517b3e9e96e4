# Exit 1: a wrong name of more than 40 characters gets no suggestion in 3.12 (traceback.py
# gives up on it), and in 3.13 and 3.14 the nearest name (their C module only caps what is left
# once the common prefix and suffix are trimmed).
# Why: the two versions' rules differ at the edges.
import asyncio

async def main():
    abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq = 1
    print(abcdefghijklmnopqrstuvwxyzabcdefghijklmnop)

asyncio.run(main())
