# Refused: asyncio.TaskGroup is not in the modelled API.
# CPython's SemaphoreTests.test_acquire_fifo_order uses it (the corpus version,
# 126, uses gather instead). The refusal points at asyncio.TaskGroup.
import asyncio

async def job(n):
    await asyncio.sleep(0)
    print("job", n)

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job(1))
        tg.create_task(job(2))

asyncio.run(main())
