# CPython test_locks.py, ConditionTests.test_timeout_in_block: inside `async with
# condition`, wait_for(condition.wait(), timeout=0.5) raises TimeoutError after 0.5 s
# of virtual time, and the condition's lock is held again afterwards.
# Why: a timed-out wait() must still re-acquire the lock for the enclosing block.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    condition = asyncio.Condition()
    async with condition:
        t0 = loop.time()
        try:
            await asyncio.wait_for(condition.wait(), timeout=0.5)
        except asyncio.TimeoutError as e:
            print("TimeoutError:", repr(e))
        print("elapsed:", loop.time() - t0, "locked:", condition.locked())
    print("after block, locked:", condition.locked())

asyncio.run(main())
