# A timeout() and a timer with the same nominal deadline: the deadline
# computed first fires first. Entering timeout(1) before sleep(1) makes the
# timeout win: the sleep is cancelled. A future whose call_later(1) was
# computed before timeout(1) gets its result first, yet the task still times
# out: the timeout fires in the same loop iteration, before the task resumes.
# A call_later(1) computed inside the timeout finds its future cancelled.
# Why: equal deadlines fire in computation order, every due timer fires in
# the same iteration; loop.time() is exact.
import asyncio

def settle(fut, value):
    loop = asyncio.get_running_loop()
    if fut.cancelled():
        print("settle: already cancelled at", loop.time())
    else:
        fut.set_result(value)

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(1)
        print("sleep finished", loop.time())
    except TimeoutError:
        print("sleep timed out", loop.time())

    fut = loop.create_future()
    loop.call_later(1, settle, fut, "value")
    try:
        async with asyncio.timeout(1):
            await fut
        print("future awaited", loop.time())
    except TimeoutError:
        print("future wait timed out", loop.time())
    print("future cancelled:", fut.cancelled())
    if not fut.cancelled():
        print("future result:", fut.result())

    fut2 = loop.create_future()
    try:
        async with asyncio.timeout(1):
            loop.call_later(1, settle, fut2, "late")
            await fut2
        print("future 2 awaited", loop.time())
    except TimeoutError:
        print("future 2 wait timed out", loop.time())
    print("future 2 cancelled:", fut2.cancelled())

asyncio.run(main())
