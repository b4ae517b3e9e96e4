# Exit 1: an uncaught AttributeError's last traceback line ends with CPython's suggestion,
# the attribute of dir(obj) nearest the wrong name: 3.12 suggests Barrier's private '_release';
# 3.13 and 3.14 leave out names that start with '_' (the 3.10 and 3.11 oracles print none).
# Why: the last stderr line is in the contract.
import asyncio

async def main():
    b = asyncio.Barrier(2)
    b.release()

asyncio.run(main())
