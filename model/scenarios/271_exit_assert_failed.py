# Exit 1: a failing `assert cond, msg` escapes asyncio.run with
# "AssertionError: lock must be free".
# Why: asserts are how scenarios state invariants; a failing one is an error exit.
import asyncio

lock = asyncio.Lock()

async def main():
    await lock.acquire()
    assert lock.locked(), "lock must be held"
    print("first assert passed")
    assert not lock.locked(), "lock must be free"
    print("not reached")

asyncio.run(main())
