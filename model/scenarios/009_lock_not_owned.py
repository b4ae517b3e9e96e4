# Lock: an asyncio.Lock has no owner; a task may release a lock that another
# (even finished) task acquired.
# Why: unlike threading.RLock there is no ownership check, so a model must not add one.
import asyncio

lock = asyncio.Lock()

async def holder():
    await lock.acquire()
    print("acquired by", asyncio.current_task().get_name())

async def main():
    t = asyncio.create_task(holder(), name="holder")
    await t
    print("holder done, locked:", lock.locked())
    lock.release()
    print("released by", asyncio.current_task().get_name(), "locked:", lock.locked())

asyncio.run(main())
