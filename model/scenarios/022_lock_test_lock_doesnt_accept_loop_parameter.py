# CPython test_locks.py, LockTests.test_lock_doesnt_accept_loop_parameter: since 3.10
# Lock, Condition, Event, Semaphore and BoundedSemaphore reject loop= with TypeError.
# Why: the primitives bind to the running loop lazily; the message names the class.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        asyncio.Lock(loop=loop)
    except TypeError as e:
        print(e)
    try:
        asyncio.Condition(loop=loop)
    except TypeError as e:
        print(e)
    try:
        asyncio.Event(loop=loop)
    except TypeError as e:
        print(e)
    try:
        asyncio.Semaphore(loop=loop)
    except TypeError as e:
        print(e)
    try:
        asyncio.BoundedSemaphore(loop=loop)
    except TypeError as e:
        print(e)

asyncio.run(main())
