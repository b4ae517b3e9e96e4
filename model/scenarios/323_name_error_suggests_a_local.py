# Exit 1: an uncaught NameError's last traceback line ends with CPython's suggestion, the
# frame's local nearest the wrong name: "Did you mean: 'lock'?" (3.12 on; the oracles of
# 3.10 and 3.11 print none). The output printed before it is kept.
# Why: the last stderr line is in the contract, and a typo is the commonest NameError.
import asyncio

async def main():
    lock = asyncio.Lock()
    async with lock:
        print("inside")
        print(lokc.locked())

asyncio.run(main())
