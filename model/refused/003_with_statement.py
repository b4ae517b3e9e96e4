# Refused: a plain `with` statement (only `async with` is in the subset).
# Adapted from CPython's LockTests.test_lock_by_with_statement, which checks that
# `with await lock:` fails with TypeError; lockstep refuses it at the `with`.
import asyncio

async def main():
    lock = asyncio.Lock()
    try:
        with await lock:
            pass
    except TypeError as e:
        print(e)

asyncio.run(main())
