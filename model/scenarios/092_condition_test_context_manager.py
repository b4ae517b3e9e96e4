# CPython test_locks.py, ConditionTests.test_context_manager: locked only inside
# `async with cond:`.
# Why: Condition supports the async context manager protocol like Lock.
import asyncio

async def main():
    cond = asyncio.Condition()
    print(cond.locked())
    async with cond:
        print(cond.locked())
    print(cond.locked())

asyncio.run(main())
