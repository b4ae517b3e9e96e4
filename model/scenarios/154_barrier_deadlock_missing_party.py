# Barrier: with one party too few, the parties that came wait forever. CPython
# hangs; the runner reports a deadlock (exit 3).
# Why: a miscounted Barrier is a silent hang.
import asyncio

barrier = asyncio.Barrier(3)

async def party(name):
    print(name, "waits at the barrier")
    await barrier.wait()
    print(name, "never passes")

async def main():
    await asyncio.gather(party("a"), party("b"))

asyncio.run(main())
