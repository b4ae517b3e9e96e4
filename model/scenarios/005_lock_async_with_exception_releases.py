# Lock: leaving an `async with lock` block by an exception or by return still
# releases the lock, and the exception propagates unchanged.
# Why: __aexit__ must release on every exit path or the lock leaks.
import asyncio

lock = asyncio.Lock()

async def returns_early():
    async with lock:
        return "returned inside"

async def main():
    try:
        async with lock:
            print("inside, locked:", lock.locked())
            raise ValueError("oops")
    except ValueError as e:
        print("caught:", repr(e))
    print("after exception, locked:", lock.locked())
    print(await returns_early())
    print("after return, locked:", lock.locked())

asyncio.run(main())
