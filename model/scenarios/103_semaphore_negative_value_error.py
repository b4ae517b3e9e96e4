# Semaphore: a negative initial value raises ValueError("Semaphore initial value
# must be >= 0"); zero is accepted. BoundedSemaphore inherits the check.
# Why: the constructor's only error, with its exact message.
import asyncio

async def main():
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("Semaphore(-1):", repr(e))
    try:
        asyncio.BoundedSemaphore(-3)
    except ValueError as e:
        print("BoundedSemaphore(-3):", repr(e))
    print(repr(asyncio.Semaphore(0)))

asyncio.run(main())
