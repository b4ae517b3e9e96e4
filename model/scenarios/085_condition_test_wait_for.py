# CPython test_locks.py, ConditionTests.test_wait_for: a notify while the predicate
# is false does not let wait_for() return; after the predicate turns true the next
# notify does, and the task returns True.
# Why: wait_for re-checks its predicate after every wake-up.
import asyncio

async def main():
    cond = asyncio.Condition()
    presult = False

    def predicate():
        return presult

    result = []

    async def c1(result):
        await cond.acquire()
        if await cond.wait_for(predicate):
            result.append(1)
            cond.release()
        return True

    t = asyncio.create_task(c1(result))

    await asyncio.sleep(0)
    print(result)

    await cond.acquire()
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    print(result)

    presult = True
    await cond.acquire()
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    print(result)

    print(t.done(), t.result())

asyncio.run(main())
